import type { InstrumentDefinition } from '../../../shared/casework/instrument.ts';

/**
 * The assessment instruments migration 0004 seeds, frozen as published: a
 * published version is never edited — an organisation publishes a new version
 * (POST /api/assessment-instruments), and assessments keep the version they
 * were taken with. The wording is Oila's own; the Uzbek and Russian texts are
 * drafts for staff to check, as the UI glossary is.
 *
 * - Child Status Index: six domains of a child's well-being, two factors each,
 *   scored 1 (very bad) to 4 (good).
 * - Household self-reliance benchmark: eight dimensions of a family's
 *   self-reliance, scored 1 (in crisis) to 4 (self-reliant).
 */
export const CHILD_STATUS_INDEX_V1: InstrumentDefinition = {
  title: { en: 'Child Status Index', ru: 'Индекс состояния ребёнка', 'uz-Latn': 'Bola holati indeksi', 'uz-Cyrl': 'Бола ҳолати индекси' },
  description: { en: 'How a child is doing in six areas of life, scored from 1 (very bad) to 4 (good) for each of twelve factors.', ru: 'Положение ребёнка в шести сферах жизни: каждый из двенадцати факторов оценивается от 1 (очень плохо) до 4 (хорошо).', 'uz-Latn': 'Bolaning hayotining olti sohasidagi holati: oʻn ikki omilning har biri 1 (juda yomon) dan 4 (yaxshi) gacha baholanadi.', 'uz-Cyrl': 'Боланинг ҳаётининг олти соҳасидаги ҳолати: ўн икки омилнинг ҳар бири 1 (жуда ёмон) дан 4 (яхши) гача баҳоланади.' },
  scale: { min: 1, max: 4 },
  domains: [
    {
      code: 'food_nutrition',
      title: { en: 'Food and nutrition', ru: 'Питание', 'uz-Latn': 'Oziq-ovqat va ovqatlanish', 'uz-Cyrl': 'Озиқ-овқат ва овқатланиш' },
      factors: [
        {
          code: 'food_security',
          title: { en: 'Food security', ru: 'Продовольственная обеспеченность', 'uz-Latn': 'Oziq-ovqat bilan taʼminlanganlik', 'uz-Cyrl': 'Озиқ-овқат билан таъминланганлик' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child rarely has enough food and is often hungry.', ru: 'Ребёнок редко наедается досыта и часто голоден.', 'uz-Latn': 'Bola kamdan-kam toʻyib ovqatlanadi va tez-tez och qoladi.', 'uz-Cyrl': 'Бола камдан-кам тўйиб овқатланади ва тез-тез оч қолади.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child often has too little food or too few meals.', ru: 'Ребёнку часто не хватает еды или он ест слишком редко.', 'uz-Latn': 'Bola koʻpincha yetarli ovqat ololmaydi yoki kam marta ovqatlanadi.', 'uz-Cyrl': 'Бола кўпинча етарли овқат ололмайди ёки кам марта овқатланади.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child usually has enough food; now and then meals are smaller or skipped.', ru: 'Обычно ребёнку хватает еды; иногда порции меньше или приём пищи пропускается.', 'uz-Latn': 'Bola odatda yetarli ovqatlanadi; baʼzan ovqat kam boʻladi yoki oʻtkazib yuboriladi.', 'uz-Cyrl': 'Бола одатда етарли овқатланади; баъзан овқат кам бўлади ёки ўтказиб юборилади.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child has enough food every day, at regular meals.', ru: 'Ребёнок каждый день получает достаточно еды и питается регулярно.', 'uz-Latn': 'Bola har kuni yetarli ovqatlanadi, ovqat oʻz vaqtida beriladi.', 'uz-Cyrl': 'Бола ҳар куни етарли овқатланади, овқат ўз вақтида берилади.' },
            },
          ],
        },
        {
          code: 'nutrition_growth',
          title: { en: 'Nutrition and growth', ru: 'Питание и рост', 'uz-Latn': 'Ovqatlanish va oʻsish', 'uz-Cyrl': 'Овқатланиш ва ўсиш' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child shows clear signs of malnutrition or stunted growth.', ru: 'У ребёнка явные признаки недоедания или отставания в росте.', 'uz-Latn': 'Bolada ovqat yetishmasligi yoki oʻsishdan orqada qolish belgilari aniq koʻrinadi.', 'uz-Cyrl': 'Болада овқат етишмаслиги ёки ўсишдан орқада қолиш белгилари аниқ кўринади.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child looks thin or small for their age, or is often tired.', ru: 'Ребёнок выглядит худым или маленьким для своего возраста либо часто устаёт.', 'uz-Latn': 'Bola yoshiga nisbatan ozgʻin yoki kichik koʻrinadi yoxud tez-tez charchaydi.', 'uz-Cyrl': 'Бола ёшига нисбатан озғин ёки кичик кўринади ёхуд тез-тез чарчайди.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'Growth is mostly fine; the diet lacks some variety.', ru: 'Рост в целом в норме; питанию не хватает разнообразия.', 'uz-Latn': 'Oʻsishi asosan meʼyorida; ovqati yetarlicha xilma-xil emas.', 'uz-Cyrl': 'Ўсиши асосан меъёрида; овқати етарлича хилма-хил эмас.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child is growing well for their age, energetic, with a varied diet.', ru: 'Ребёнок растёт соответственно возрасту, энергичен, питается разнообразно.', 'uz-Latn': 'Bola yoshiga mos oʻsmoqda, baquvvat, ovqati xilma-xil.', 'uz-Cyrl': 'Бола ёшига мос ўсмоқда, бақувват, овқати хилма-хил.' },
            },
          ],
        },
      ],
    },
    {
      code: 'shelter_care',
      title: { en: 'Shelter and care', ru: 'Жильё и уход', 'uz-Latn': 'Boshpana va parvarish', 'uz-Cyrl': 'Бошпана ва парвариш' },
      factors: [
        {
          code: 'shelter',
          title: { en: 'Shelter', ru: 'Жильё', 'uz-Latn': 'Boshpana', 'uz-Cyrl': 'Бошпана' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child has no stable home, or the dwelling is dangerous.', ru: 'У ребёнка нет постоянного жилья, или жилище опасно.', 'uz-Latn': 'Bolaning doimiy uyi yoʻq yoki turar joy xavfli.', 'uz-Cyrl': 'Боланинг доимий уйи йўқ ёки турар жой хавфли.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The home is damp, cold, crowded or unsafe in parts.', ru: 'Жильё сырое, холодное, тесное или местами опасное.', 'uz-Latn': 'Uy nam, sovuq, tor yoki qisman xavfli.', 'uz-Cyrl': 'Уй нам, совуқ, тор ёки қисман хавфли.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The home is adequate but needs repairs or lacks some comfort.', ru: 'Жильё пригодно, но требует ремонта или в нём не хватает удобств.', 'uz-Latn': 'Uy yashash uchun yaroqli, lekin taʼmir talab qiladi yoki baʼzi qulayliklar yetishmaydi.', 'uz-Cyrl': 'Уй яшаш учун яроқли, лекин таъмир талаб қилади ёки баъзи қулайликлар етишмайди.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The home is safe, dry and warm, with a clean place to sleep and water nearby.', ru: 'Жильё безопасное, сухое и тёплое; есть чистое место для сна и вода поблизости.', 'uz-Latn': 'Uy xavfsiz, quruq va issiq; toza yotoq joyi bor, suv yaqin.', 'uz-Cyrl': 'Уй хавфсиз, қуруқ ва иссиқ; тоза ётоқ жойи бор, сув яқин.' },
            },
          ],
        },
        {
          code: 'care',
          title: { en: 'Care', ru: 'Уход', 'uz-Latn': 'Parvarish', 'uz-Cyrl': 'Парвариш' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'No adult takes responsibility for the child’s daily care.', ru: 'Ни один взрослый не берёт на себя повседневную заботу о ребёнке.', 'uz-Latn': 'Hech bir katta yoshli odam bolaning kundalik parvarishini oʻz zimmasiga olmaydi.', 'uz-Cyrl': 'Ҳеч бир катта ёшли одам боланинг кундалик парваришини ўз зиммасига олмайди.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'Care is irregular; the child is often left alone or with other children.', ru: 'Уход нерегулярный; ребёнка часто оставляют одного или с другими детьми.', 'uz-Latn': 'Parvarish tartibsiz; bola koʻpincha yolgʻiz yoki boshqa bolalar bilan qoladi.', 'uz-Cyrl': 'Парвариш тартибсиз; бола кўпинча ёлғиз ёки бошқа болалар билан қолади.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'An adult cares for the child, but attention or supervision is sometimes lacking.', ru: 'О ребёнке заботится взрослый, но внимания или присмотра иногда не хватает.', 'uz-Latn': 'Bolaga katta yoshli odam qaraydi, ammo baʼzan eʼtibor yoki nazorat yetishmaydi.', 'uz-Cyrl': 'Болага катта ёшли одам қарайди, аммо баъзан эътибор ёки назорат етишмайди.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'At least one adult cares for the child consistently and attentively.', ru: 'Хотя бы один взрослый постоянно и внимательно заботится о ребёнке.', 'uz-Latn': 'Kamida bitta katta yoshli odam bolaga doimiy va eʼtibor bilan qaraydi.', 'uz-Cyrl': 'Камида битта катта ёшли одам болага доимий ва эътибор билан қарайди.' },
            },
          ],
        },
      ],
    },
    {
      code: 'protection',
      title: { en: 'Protection', ru: 'Защита', 'uz-Latn': 'Himoya', 'uz-Cyrl': 'Ҳимоя' },
      factors: [
        {
          code: 'abuse_exploitation',
          title: { en: 'Abuse and exploitation', ru: 'Насилие и эксплуатация', 'uz-Latn': 'Zoʻravonlik va ekspluatatsiya', 'uz-Cyrl': 'Зўравонлик ва эксплуатация' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child suffers violence, abuse or exploitation; urgent protection is needed.', ru: 'Ребёнок страдает от насилия, жестокого обращения или эксплуатации; нужна срочная защита.', 'uz-Latn': 'Bola zoʻravonlik, shafqatsiz muomala yoki ekspluatatsiyadan aziyat chekmoqda; zudlik bilan himoya kerak.', 'uz-Cyrl': 'Бола зўравонлик, шафқатсиз муомала ёки эксплуатациядан азият чекмоқда; зудлик билан ҳимоя керак.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'There are signs of violence, neglect, or work that harms the child’s rest or schooling.', ru: 'Есть признаки насилия, пренебрежения или труда, мешающего отдыху и учёбе ребёнка.', 'uz-Latn': 'Zoʻravonlik, eʼtiborsizlik yoki bolaning dam olishi va oʻqishiga zarar yetkazadigan mehnat belgilari bor.', 'uz-Cyrl': 'Зўравонлик, эътиборсизлик ёки боланинг дам олиши ва ўқишига зарар етказадиган меҳнат белгилари бор.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'Some concerns (harsh discipline, heavy chores) without harm seen.', ru: 'Есть поводы для беспокойства (суровые наказания, тяжёлая работа по дому), но вреда не видно.', 'uz-Latn': 'Baʼzi xavotirlar bor (qattiq tarbiya, ogʻir uy ishlari), lekin zarar koʻrinmaydi.', 'uz-Cyrl': 'Баъзи хавотирлар бор (қаттиқ тарбия, оғир уй ишлари), лекин зарар кўринмайди.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'No signs of violence, neglect or exploitation; the child feels safe.', ru: 'Признаков насилия, пренебрежения или эксплуатации нет; ребёнок чувствует себя в безопасности.', 'uz-Latn': 'Zoʻravonlik, eʼtiborsizlik yoki ekspluatatsiya belgilari yoʻq; bola oʻzini xavfsiz his qiladi.', 'uz-Cyrl': 'Зўравонлик, эътиборсизлик ёки эксплуатация белгилари йўқ; бола ўзини хавфсиз ҳис қилади.' },
            },
          ],
        },
        {
          code: 'legal_protection',
          title: { en: 'Legal protection', ru: 'Правовая защита', 'uz-Latn': 'Huquqiy himoya', 'uz-Cyrl': 'Ҳуқуқий ҳимоя' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child has no documents and no access to legal protection.', ru: 'У ребёнка нет документов и доступа к правовой защите.', 'uz-Latn': 'Bolaning hujjatlari yoʻq va u huquqiy himoyadan foydalana olmaydi.', 'uz-Cyrl': 'Боланинг ҳужжатлари йўқ ва у ҳуқуқий ҳимоядан фойдалана олмайди.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'Important documents are missing, or the child’s rights are not upheld.', ru: 'Важных документов нет, или права ребёнка не соблюдаются.', 'uz-Latn': 'Muhim hujjatlar yoʻq yoki bolaning huquqlari taʼminlanmagan.', 'uz-Cyrl': 'Муҳим ҳужжатлар йўқ ёки боланинг ҳуқуқлари таъминланмаган.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'Documents exist, but some benefit or entitlement is not yet arranged.', ru: 'Документы есть, но какие-то пособия или льготы ещё не оформлены.', 'uz-Latn': 'Hujjatlar bor, ammo baʼzi nafaqa yoki imtiyozlar hali rasmiylashtirilmagan.', 'uz-Cyrl': 'Ҳужжатлар бор, аммо баъзи нафақа ёки имтиёзлар ҳали расмийлаштирилмаган.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child has a birth certificate and the documents and benefits due to them.', ru: 'У ребёнка есть свидетельство о рождении, нужные документы и положенные пособия.', 'uz-Latn': 'Bolaning tugʻilganlik haqidagi guvohnomasi, kerakli hujjatlari va unga tegishli nafaqalari bor.', 'uz-Cyrl': 'Боланинг туғилганлик ҳақидаги гувоҳномаси, керакли ҳужжатлари ва унга тегишли нафақалари бор.' },
            },
          ],
        },
      ],
    },
    {
      code: 'health',
      title: { en: 'Health', ru: 'Здоровье', 'uz-Latn': 'Sogʻliq', 'uz-Cyrl': 'Соғлиқ' },
      factors: [
        {
          code: 'wellness',
          title: { en: 'Wellness', ru: 'Общее здоровье', 'uz-Latn': 'Umumiy sogʻliq', 'uz-Cyrl': 'Умумий соғлиқ' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child is seriously or chronically ill without adequate treatment.', ru: 'Ребёнок тяжело или хронически болен и не получает должного лечения.', 'uz-Latn': 'Bola ogʻir yoki surunkali kasal va yetarli davolanmayapti.', 'uz-Cyrl': 'Бола оғир ёки сурункали касал ва етарли даволанмаяпти.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child is often ill, or has a health problem that limits daily life.', ru: 'Ребёнок часто болеет, или у него есть проблема со здоровьем, ограничивающая повседневную жизнь.', 'uz-Latn': 'Bola tez-tez kasal boʻladi yoki kundalik hayotini cheklaydigan sogʻliq muammosi bor.', 'uz-Cyrl': 'Бола тез-тез касал бўлади ёки кундалик ҳаётини чеклайдиган соғлиқ муаммоси бор.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child is ill now and then but recovers with ordinary care.', ru: 'Ребёнок иногда болеет, но выздоравливает при обычном уходе.', 'uz-Latn': 'Bola baʼzan kasal boʻladi, lekin oddiy parvarish bilan tuzaladi.', 'uz-Cyrl': 'Бола баъзан касал бўлади, лекин оддий парвариш билан тузалади.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child is healthy and rarely ill.', ru: 'Ребёнок здоров и болеет редко.', 'uz-Latn': 'Bola sogʻlom va kamdan-kam kasal boʻladi.', 'uz-Cyrl': 'Бола соғлом ва камдан-кам касал бўлади.' },
            },
          ],
        },
        {
          code: 'health_care_services',
          title: { en: 'Health care services', ru: 'Медицинские услуги', 'uz-Latn': 'Tibbiy xizmatlar', 'uz-Cyrl': 'Тиббий хизматлар' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child gets no medical care at all.', ru: 'Ребёнок совсем не получает медицинской помощи.', 'uz-Latn': 'Bola umuman tibbiy yordam olmaydi.', 'uz-Cyrl': 'Бола умуман тиббий ёрдам олмайди.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child seldom gets medical care, even when it is needed.', ru: 'Ребёнок редко получает медицинскую помощь, даже когда она нужна.', 'uz-Latn': 'Bola hatto zarur boʻlganda ham tibbiy yordamni kamdan-kam oladi.', 'uz-Cyrl': 'Бола ҳатто зарур бўлганда ҳам тиббий ёрдамни камдан-кам олади.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child gets most of the care they need, with some delays.', ru: 'Ребёнок получает большую часть нужной помощи, иногда с задержками.', 'uz-Latn': 'Bola kerakli tibbiy yordamning aksariyatini oladi, baʼzan kechikish bilan.', 'uz-Cyrl': 'Бола керакли тиббий ёрдамнинг аксариятини олади, баъзан кечикиш билан.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child gets the vaccinations, check-ups and treatment they need.', ru: 'Ребёнок получает нужные прививки, осмотры и лечение.', 'uz-Latn': 'Bola kerakli emlashlar, koʻriklar va davolanishni oladi.', 'uz-Cyrl': 'Бола керакли эмлашлар, кўриклар ва даволанишни олади.' },
            },
          ],
        },
      ],
    },
    {
      code: 'psychosocial',
      title: { en: 'Psychosocial', ru: 'Психосоциальное благополучие', 'uz-Latn': 'Psixologik-ijtimoiy holat', 'uz-Cyrl': 'Психологик-ижтимоий ҳолат' },
      factors: [
        {
          code: 'emotional_health',
          title: { en: 'Emotional health', ru: 'Эмоциональное состояние', 'uz-Latn': 'Ruhiy holat', 'uz-Cyrl': 'Руҳий ҳолат' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child seems deeply unhappy or hopeless, or shows signs of trauma.', ru: 'Ребёнок выглядит глубоко несчастным, потерявшим надежду, или у него видны признаки травмы.', 'uz-Latn': 'Bola juda baxtsiz, umidsiz koʻrinadi yoki unda ruhiy jarohat belgilari bor.', 'uz-Cyrl': 'Бола жуда бахтсиз, умидсиз кўринади ёки унда руҳий жароҳат белгилари бор.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child is often withdrawn, anxious or angry.', ru: 'Ребёнок часто замкнут, тревожен или раздражён.', 'uz-Latn': 'Bola koʻpincha odamovi, xavotirli yoki jahldor.', 'uz-Cyrl': 'Бола кўпинча одамови, хавотирли ёки жаҳлдор.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child is sometimes sad, anxious or angry, but recovers.', ru: 'Ребёнок иногда грустит, тревожится или злится, но быстро приходит в себя.', 'uz-Latn': 'Bola baʼzan xafa, xavotirli yoki jahldor boʻladi, ammo tez oʻziga keladi.', 'uz-Cyrl': 'Бола баъзан хафа, хавотирли ёки жаҳлдор бўлади, аммо тез ўзига келади.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child is mostly calm and cheerful and copes with setbacks.', ru: 'Ребёнок чаще всего спокоен и весел, справляется с неудачами.', 'uz-Latn': 'Bola koʻpincha xotirjam va quvnoq, qiyinchiliklarni yengib oʻta oladi.', 'uz-Cyrl': 'Бола кўпинча хотиржам ва қувноқ, қийинчиликларни енгиб ўта олади.' },
            },
          ],
        },
        {
          code: 'social_behaviour',
          title: { en: 'Social behaviour', ru: 'Социальное поведение', 'uz-Latn': 'Ijtimoiy xulq', 'uz-Cyrl': 'Ижтимоий хулқ' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child behaves in ways that harm themselves or others.', ru: 'Поведение ребёнка причиняет вред ему самому или другим.', 'uz-Latn': 'Bola oʻziga yoki boshqalarga zarar yetkazadigan xatti-harakatlar qiladi.', 'uz-Cyrl': 'Бола ўзига ёки бошқаларга зарар етказадиган хатти-ҳаракатлар қилади.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child often quarrels, withdraws or breaks rules.', ru: 'Ребёнок часто ссорится, избегает людей или нарушает правила.', 'uz-Latn': 'Bola tez-tez janjallashadi, odamlardan qochadi yoki qoidalarni buzadi.', 'uz-Cyrl': 'Бола тез-тез жанжаллашади, одамлардан қочади ёки қоидаларни бузади.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child has some difficulties with others but generally cooperates.', ru: 'Ребёнку иногда трудно с другими, но в целом он идёт на контакт.', 'uz-Latn': 'Bola boshqalar bilan baʼzan qiynaladi, lekin umuman hamkorlik qiladi.', 'uz-Cyrl': 'Бола бошқалар билан баъзан қийналади, лекин умуман ҳамкорлик қилади.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child gets on well with family, peers and other adults.', ru: 'Ребёнок ладит с семьёй, сверстниками и другими взрослыми.', 'uz-Latn': 'Bola oilasi, tengdoshlari va boshqa kattalar bilan yaxshi munosabatda.', 'uz-Cyrl': 'Бола оиласи, тенгдошлари ва бошқа катталар билан яхши муносабатда.' },
            },
          ],
        },
      ],
    },
    {
      code: 'education_skills',
      title: { en: 'Education and skills', ru: 'Образование и навыки', 'uz-Latn': 'Taʼlim va koʻnikmalar', 'uz-Cyrl': 'Таълим ва кўникмалар' },
      factors: [
        {
          code: 'performance',
          title: { en: 'Performance', ru: 'Успеваемость и развитие', 'uz-Latn': 'Oʻzlashtirish va rivojlanish', 'uz-Cyrl': 'Ўзлаштириш ва ривожланиш' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child is far behind in learning or development and gets no help.', ru: 'Ребёнок сильно отстаёт в учёбе или развитии и не получает помощи.', 'uz-Latn': 'Bola oʻqish yoki rivojlanishda ancha ortda qolgan va yordam olmayapti.', 'uz-Cyrl': 'Бола ўқиш ёки ривожланишда анча ортда қолган ва ёрдам олмаяпти.' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child falls behind in learning or development.', ru: 'Ребёнок отстаёт в учёбе или развитии.', 'uz-Latn': 'Bola oʻqish yoki rivojlanishda ortda qolmoqda.', 'uz-Cyrl': 'Бола ўқиш ёки ривожланишда ортда қолмоқда.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child keeps up, with some difficulties in places.', ru: 'Ребёнок не отстаёт, но в чём-то испытывает трудности.', 'uz-Latn': 'Bola ortda qolmaydi, lekin baʼzi jihatlarda qiyinchiliklar bor.', 'uz-Cyrl': 'Бола ортда қолмайди, лекин баъзи жиҳатларда қийинчиликлар бор.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child learns and develops as expected for their age.', ru: 'Ребёнок учится и развивается соответственно возрасту.', 'uz-Latn': 'Bola yoshiga mos ravishda oʻrganmoqda va rivojlanmoqda.', 'uz-Cyrl': 'Бола ёшига мос равишда ўрганмоқда ва ривожланмоқда.' },
            },
          ],
        },
        {
          code: 'education_work',
          title: { en: 'Education or work', ru: 'Учёба или работа', 'uz-Latn': 'Oʻqish yoki ish', 'uz-Cyrl': 'Ўқиш ёки иш' },
          levels: [
            {
              score: 1,
              label: { en: 'Very bad', ru: 'Очень плохо', 'uz-Latn': 'Juda yomon', 'uz-Cyrl': 'Жуда ёмон' },
              description: { en: 'The child does not attend school or training (or, if older, does harmful work).', ru: 'Ребёнок не посещает школу или курсы (старший — занят вредной работой).', 'uz-Latn': 'Bola maktab yoki oʻquv kursiga qatnamaydi (kattaroq boʻlsa, zararli ishda ishlaydi).', 'uz-Cyrl': 'Бола мактаб ёки ўқув курсига қатнамайди (каттароқ бўлса, зарарли ишда ишлайди).' },
            },
            {
              score: 2,
              label: { en: 'Bad', ru: 'Плохо', 'uz-Latn': 'Yomon', 'uz-Cyrl': 'Ёмон' },
              description: { en: 'The child attends irregularly or is at risk of dropping out.', ru: 'Ребёнок посещает занятия нерегулярно или может бросить учёбу.', 'uz-Latn': 'Bola tartibsiz qatnaydi yoki oʻqishni tashlab ketish xavfi bor.', 'uz-Cyrl': 'Бола тартибсиз қатнайди ёки ўқишни ташлаб кетиш хавфи бор.' },
            },
            {
              score: 3,
              label: { en: 'Fair', ru: 'Удовлетворительно', 'uz-Latn': 'Qoniqarli', 'uz-Cyrl': 'Қониқарли' },
              description: { en: 'The child attends but misses days now and then.', ru: 'Ребёнок посещает занятия, но иногда пропускает.', 'uz-Latn': 'Bola qatnaydi, lekin baʼzan dars qoldiradi.', 'uz-Cyrl': 'Бола қатнайди, лекин баъзан дарс қолдиради.' },
            },
            {
              score: 4,
              label: { en: 'Good', ru: 'Хорошо', 'uz-Latn': 'Yaxshi', 'uz-Cyrl': 'Яхши' },
              description: { en: 'The child attends school, kindergarten or training regularly (or, if older, works in decent conditions).', ru: 'Ребёнок регулярно посещает школу, детский сад или курсы (старший — работает в достойных условиях).', 'uz-Latn': 'Bola maktab, bogʻcha yoki oʻquv kursiga muntazam qatnaydi (kattaroq boʻlsa, munosib sharoitda ishlaydi).', 'uz-Cyrl': 'Бола мактаб, боғча ёки ўқув курсига мунтазам қатнайди (каттароқ бўлса, муносиб шароитда ишлайди).' },
            },
          ],
        },
      ],
    },
  ],
};

export const HOUSEHOLD_SELF_RELIANCE_V1: InstrumentDefinition = {
  title: { en: 'Household self-reliance benchmark', ru: 'Оценка самостоятельности семьи', 'uz-Latn': 'Oilaning oʻzini oʻzi taʼminlash darajasi', 'uz-Cyrl': 'Оиланинг ўзини ўзи таъминлаш даражаси' },
  description: { en: 'How far a family can meet its own needs, in eight dimensions scored from 1 (in crisis) to 4 (self-reliant).', ru: 'Насколько семья может сама обеспечивать свои нужды: восемь измерений, каждое от 1 (кризис) до 4 (самостоятельность).', 'uz-Latn': 'Oila oʻz ehtiyojlarini qay darajada oʻzi qondira olishi: sakkiz yoʻnalish, har biri 1 (inqiroz) dan 4 (mustaqil) gacha.', 'uz-Cyrl': 'Оила ўз эҳтиёжларини қай даражада ўзи қондира олиши: саккиз йўналиш, ҳар бири 1 (инқироз) дан 4 (мустақил) гача.' },
  scale: { min: 1, max: 4 },
  domains: [
    {
      code: 'income',
      title: { en: 'Income', ru: 'Доход', 'uz-Latn': 'Daromad', 'uz-Cyrl': 'Даромад' },
      factors: [
        {
          code: 'income',
          title: { en: 'Income', ru: 'Доход', 'uz-Latn': 'Daromad', 'uz-Cyrl': 'Даромад' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'The family has almost no income of its own.', ru: 'У семьи почти нет собственного дохода.', 'uz-Latn': 'Oilaning deyarli oʻz daromadi yoʻq.', 'uz-Cyrl': 'Оиланинг деярли ўз даромади йўқ.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'Income is irregular and often does not cover basic needs.', ru: 'Доход нерегулярный и часто не покрывает основных нужд.', 'uz-Latn': 'Daromad beqaror va koʻpincha asosiy ehtiyojlarni qoplamaydi.', 'uz-Cyrl': 'Даромад беқарор ва кўпинча асосий эҳтиёжларни қопламайди.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'Income covers basic needs in most months.', ru: 'Доход покрывает основные нужды в большинство месяцев.', 'uz-Latn': 'Daromad koʻp oylarda asosiy ehtiyojlarni qoplaydi.', 'uz-Cyrl': 'Даромад кўп ойларда асосий эҳтиёжларни қоплайди.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'Regular income covers the family’s basic needs and allows some saving.', ru: 'Постоянный доход покрывает основные нужды семьи и позволяет откладывать.', 'uz-Latn': 'Doimiy daromad oilaning asosiy ehtiyojlarini qoplaydi va jamgʻarishga imkon beradi.', 'uz-Cyrl': 'Доимий даромад оиланинг асосий эҳтиёжларини қоплайди ва жамғаришга имкон беради.' },
            },
          ],
        },
      ],
    },
    {
      code: 'employment',
      title: { en: 'Employment', ru: 'Занятость', 'uz-Latn': 'Bandlik', 'uz-Cyrl': 'Бандлик' },
      factors: [
        {
          code: 'employment',
          title: { en: 'Employment', ru: 'Занятость', 'uz-Latn': 'Bandlik', 'uz-Cyrl': 'Бандлик' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'No adult in the family works.', ru: 'В семье не работает ни один взрослый.', 'uz-Latn': 'Oilada birorta ham katta yoshli odam ishlamaydi.', 'uz-Cyrl': 'Оилада бирорта ҳам катта ёшли одам ишламайди.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'Adults find only occasional casual work.', ru: 'Взрослые находят лишь случайные подработки.', 'uz-Latn': 'Kattalar faqat vaqti-vaqti bilan tasodifiy ish topadi.', 'uz-Cyrl': 'Катталар фақат вақти-вақти билан тасодифий иш топади.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'At least one adult works, but the work is seasonal or informal.', ru: 'Работает хотя бы один взрослый, но работа сезонная или неофициальная.', 'uz-Latn': 'Kamida bitta katta yoshli odam ishlaydi, lekin ish mavsumiy yoki norasmiy.', 'uz-Cyrl': 'Камида битта катта ёшли одам ишлайди, лекин иш мавсумий ёки норасмий.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'Adults of working age have stable work.', ru: 'Взрослые трудоспособного возраста имеют постоянную работу.', 'uz-Latn': 'Mehnatga layoqatli kattalarning doimiy ishi bor.', 'uz-Cyrl': 'Меҳнатга лаёқатли катталарнинг доимий иши бор.' },
            },
          ],
        },
      ],
    },
    {
      code: 'housing',
      title: { en: 'Housing', ru: 'Жилищные условия', 'uz-Latn': 'Uy-joy sharoiti', 'uz-Cyrl': 'Уй-жой шароити' },
      factors: [
        {
          code: 'housing',
          title: { en: 'Housing', ru: 'Жилищные условия', 'uz-Latn': 'Uy-joy sharoiti', 'uz-Cyrl': 'Уй-жой шароити' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'No stable housing, or the family is at risk of eviction.', ru: 'Нет постоянного жилья, или семье угрожает выселение.', 'uz-Latn': 'Doimiy uy-joy yoʻq yoki oilani uydan chiqarib yuborish xavfi bor.', 'uz-Cyrl': 'Доимий уй-жой йўқ ёки оилани уйдан чиқариб юбориш хавфи бор.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'Housing is overcrowded, damp or without utilities.', ru: 'Жильё переполнено, сырое или без коммунальных удобств.', 'uz-Latn': 'Uy-joy tor, nam yoki kommunal qulayliklarsiz.', 'uz-Cyrl': 'Уй-жой тор, нам ёки коммунал қулайликларсиз.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'Housing is adequate but insecure or in need of repairs.', ru: 'Жильё пригодно, но не закреплено за семьёй или требует ремонта.', 'uz-Latn': 'Uy-joy yaroqli, lekin oilaga biriktirilmagan yoki taʼmir talab qiladi.', 'uz-Cyrl': 'Уй-жой яроқли, лекин оилага бириктирилмаган ёки таъмир талаб қилади.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'Secure, adequate housing with utilities.', ru: 'Надёжное, пригодное жильё с коммунальными удобствами.', 'uz-Latn': 'Kommunal qulayliklarga ega ishonchli va yaroqli uy-joy.', 'uz-Cyrl': 'Коммунал қулайликларга эга ишончли ва яроқли уй-жой.' },
            },
          ],
        },
      ],
    },
    {
      code: 'food_security',
      title: { en: 'Food security', ru: 'Продовольственная обеспеченность', 'uz-Latn': 'Oziq-ovqat bilan taʼminlanganlik', 'uz-Cyrl': 'Озиқ-овқат билан таъминланганлик' },
      factors: [
        {
          code: 'food_security',
          title: { en: 'Food security', ru: 'Продовольственная обеспеченность', 'uz-Latn': 'Oziq-ovqat bilan taʼminlanganlik', 'uz-Cyrl': 'Озиқ-овқат билан таъминланганлик' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'The family often goes hungry.', ru: 'Семья часто голодает.', 'uz-Latn': 'Oila tez-tez och qoladi.', 'uz-Cyrl': 'Оила тез-тез оч қолади.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'The family sometimes has to skip meals.', ru: 'Семье иногда приходится пропускать приёмы пищи.', 'uz-Latn': 'Oila baʼzan ovqatlanishni oʻtkazib yuborishga majbur.', 'uz-Cyrl': 'Оила баъзан овқатланишни ўтказиб юборишга мажбур.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'There is enough food most of the time; variety is limited.', ru: 'Еды почти всегда хватает; разнообразие ограничено.', 'uz-Latn': 'Ovqat deyarli har doim yetadi; xilma-xilligi cheklangan.', 'uz-Cyrl': 'Овқат деярли ҳар доим етади; хилма-хиллиги чекланган.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'The family eats enough, varied food all year.', ru: 'Семья круглый год питается достаточно и разнообразно.', 'uz-Latn': 'Oila yil boʻyi yetarli va xilma-xil ovqatlanadi.', 'uz-Cyrl': 'Оила йил бўйи етарли ва хилма-хил овқатланади.' },
            },
          ],
        },
      ],
    },
    {
      code: 'health_access',
      title: { en: 'Access to health care', ru: 'Доступ к медицинской помощи', 'uz-Latn': 'Tibbiy yordamdan foydalanish', 'uz-Cyrl': 'Тиббий ёрдамдан фойдаланиш' },
      factors: [
        {
          code: 'health_access',
          title: { en: 'Access to health care', ru: 'Доступ к медицинской помощи', 'uz-Latn': 'Tibbiy yordamdan foydalanish', 'uz-Cyrl': 'Тиббий ёрдамдан фойдаланиш' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'Serious health needs go untreated.', ru: 'Серьёзные проблемы со здоровьем остаются без лечения.', 'uz-Latn': 'Jiddiy sogʻliq muammolari davolanmay qolmoqda.', 'uz-Cyrl': 'Жиддий соғлиқ муаммолари даволанмай қолмоқда.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'The family often cannot get the health care it needs.', ru: 'Семья часто не может получить нужную медицинскую помощь.', 'uz-Latn': 'Oila koʻpincha kerakli tibbiy yordamni ololmaydi.', 'uz-Cyrl': 'Оила кўпинча керакли тиббий ёрдамни ололмайди.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'Health services are used, with some difficulty in paying for or reaching them.', ru: 'Медицинской помощью пользуются, но с трудом оплачивают её или добираются до неё.', 'uz-Latn': 'Tibbiy yordamdan foydalaniladi, lekin uning toʻlovi yoki unga yetib borish qiyin.', 'uz-Cyrl': 'Тиббий ёрдамдан фойдаланилади, лекин унинг тўлови ёки унга етиб бориш қийин.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'Family members use health services when needed and have their medicines.', ru: 'Члены семьи при необходимости обращаются за медицинской помощью и имеют лекарства.', 'uz-Latn': 'Oila aʼzolari kerak boʻlganda tibbiy yordamga murojaat qiladi va dori-darmonlari bor.', 'uz-Cyrl': 'Оила аъзолари керак бўлганда тиббий ёрдамга мурожаат қилади ва дори-дармонлари бор.' },
            },
          ],
        },
      ],
    },
    {
      code: 'schooling',
      title: { en: 'Children’s schooling', ru: 'Обучение детей', 'uz-Latn': 'Bolalarning taʼlimi', 'uz-Cyrl': 'Болаларнинг таълими' },
      factors: [
        {
          code: 'schooling',
          title: { en: 'Children’s schooling', ru: 'Обучение детей', 'uz-Latn': 'Bolalarning taʼlimi', 'uz-Cyrl': 'Болаларнинг таълими' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'One or more school-age children do not attend school.', ru: 'Один или несколько детей школьного возраста не ходят в школу.', 'uz-Latn': 'Maktab yoshidagi bir yoki bir necha bola maktabga bormaydi.', 'uz-Cyrl': 'Мактаб ёшидаги бир ёки бир неча бола мактабга бормайди.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'Some children attend school irregularly.', ru: 'Некоторые дети ходят в школу нерегулярно.', 'uz-Latn': 'Baʼzi bolalar maktabga tartibsiz qatnaydi.', 'uz-Cyrl': 'Баъзи болалар мактабга тартибсиз қатнайди.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'Children attend school with occasional absences.', ru: 'Дети ходят в школу с отдельными пропусками.', 'uz-Latn': 'Bolalar maktabga qatnaydi, baʼzan dars qoldiradi.', 'uz-Cyrl': 'Болалар мактабга қатнайди, баъзан дарс қолдиради.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'All school-age children attend regularly; younger ones go to kindergarten where possible.', ru: 'Все дети школьного возраста регулярно ходят в школу; младшие по возможности — в детский сад.', 'uz-Latn': 'Maktab yoshidagi barcha bolalar muntazam maktabga boradi; kichiklari imkon qadar bogʻchaga qatnaydi.', 'uz-Cyrl': 'Мактаб ёшидаги барча болалар мунтазам мактабга боради; кичиклари имкон қадар боғчага қатнайди.' },
            },
          ],
        },
      ],
    },
    {
      code: 'social_network',
      title: { en: 'Social network', ru: 'Социальные связи', 'uz-Latn': 'Ijtimoiy aloqalar', 'uz-Cyrl': 'Ижтимоий алоқалар' },
      factors: [
        {
          code: 'social_network',
          title: { en: 'Social network', ru: 'Социальные связи', 'uz-Latn': 'Ijtimoiy aloqalar', 'uz-Cyrl': 'Ижтимоий алоқалар' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'The family is isolated or in conflict with those around it.', ru: 'Семья изолирована или в конфликте с окружением.', 'uz-Latn': 'Oila yakkalangan yoki atrofdagilar bilan nizoda.', 'uz-Cyrl': 'Оила яккаланган ёки атрофдагилар билан низода.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'The family has little support and is mostly isolated.', ru: 'У семьи мало поддержки, она почти в изоляции.', 'uz-Latn': 'Oilaning tayanchi kam, u deyarli yakkalanib qolgan.', 'uz-Cyrl': 'Оиланинг таянчи кам, у деярли яккаланиб қолган.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'The family has some support but seldom uses it.', ru: 'У семьи есть поддержка, но она редко к ней обращается.', 'uz-Latn': 'Oilaning tayanchi bor, lekin undan kamdan-kam foydalanadi.', 'uz-Cyrl': 'Оиланинг таянчи бор, лекин ундан камдан-кам фойдаланади.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'The family can rely on relatives, neighbours or the mahalla and uses community services.', ru: 'Семья может опереться на родственников, соседей или махаллю и пользуется услугами в общине.', 'uz-Latn': 'Oila qarindoshlari, qoʻshnilari yoki mahallaga tayanadi va jamoadagi xizmatlardan foydalanadi.', 'uz-Cyrl': 'Оила қариндошлари, қўшнилари ёки маҳаллага таянади ва жамоадаги хизматлардан фойдаланади.' },
            },
          ],
        },
      ],
    },
    {
      code: 'parenting',
      title: { en: 'Parenting', ru: 'Родительские навыки', 'uz-Latn': 'Ota-onalik koʻnikmalari', 'uz-Cyrl': 'Ота-оналик кўникмалари' },
      factors: [
        {
          code: 'parenting',
          title: { en: 'Parenting', ru: 'Родительские навыки', 'uz-Latn': 'Ota-onalik koʻnikmalari', 'uz-Cyrl': 'Ота-оналик кўникмалари' },
          levels: [
            {
              score: 1,
              label: { en: 'In crisis', ru: 'Кризис', 'uz-Latn': 'Inqiroz', 'uz-Cyrl': 'Инқироз' },
              description: { en: 'The parents cannot care for the children safely.', ru: 'Родители не могут безопасно заботиться о детях.', 'uz-Latn': 'Ota-onalar bolalarga xavfsiz qaray olmaydi.', 'uz-Cyrl': 'Ота-оналар болаларга хавфсиз қарай олмайди.' },
            },
            {
              score: 2,
              label: { en: 'Vulnerable', ru: 'Уязвимость', 'uz-Latn': 'Zaif', 'uz-Cyrl': 'Заиф' },
              description: { en: 'The parents are often overwhelmed, harsh or inattentive.', ru: 'Родители часто перегружены, резки или невнимательны.', 'uz-Latn': 'Ota-onalar koʻpincha holdan toygan, qoʻpol yoki eʼtiborsiz.', 'uz-Cyrl': 'Ота-оналар кўпинча ҳолдан тойган, қўпол ёки эътиборсиз.' },
            },
            {
              score: 3,
              label: { en: 'Stable', ru: 'Стабильность', 'uz-Latn': 'Barqaror', 'uz-Cyrl': 'Барқарор' },
              description: { en: 'The parents care well but are sometimes harsh or inconsistent.', ru: 'Родители хорошо заботятся о детях, но иногда грубы или непоследовательны.', 'uz-Latn': 'Ota-onalar bolalarga yaxshi qaraydi, lekin baʼzan qoʻpol yoki izchil emas.', 'uz-Cyrl': 'Ота-оналар болаларга яхши қарайди, лекин баъзан қўпол ёки изчил эмас.' },
            },
            {
              score: 4,
              label: { en: 'Self-reliant', ru: 'Самостоятельность', 'uz-Latn': 'Mustaqil', 'uz-Cyrl': 'Мустақил' },
              description: { en: 'The parents keep routines, use positive discipline and respond to the children’s needs.', ru: 'Родители соблюдают режим, применяют позитивную дисциплину и откликаются на нужды детей.', 'uz-Latn': 'Ota-onalar kun tartibiga rioya qiladi, ijobiy tarbiya usullarini qoʻllaydi va bolalar ehtiyojlariga eʼtibor beradi.', 'uz-Cyrl': 'Ота-оналар кун тартибига риоя қилади, ижобий тарбия усулларини қўллайди ва болалар эҳтиёжларига эътибор беради.' },
            },
          ],
        },
      ],
    },
  ],
};
