import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Select } from '../../ui/select.tsx';
import { fetchLocations, sortByName } from './locations.ts';

export interface AddressValue {
  regionId: string;
  districtId: string;
  mahallaId: string;
}

export interface LocationSelectsProps {
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  errors?: Partial<Record<keyof AddressValue, string | undefined>>;
  /** Prefix of the controls' ids, so an error summary can link to them. */
  idPrefix: string;
}

/**
 * Region → district → mahalla. Choosing a region clears the district and
 * mahalla below it, so an address can never mix places that do not belong
 * together; each list loads only when its parent is chosen.
 */
export function LocationSelects({ value, onChange, errors, idPrefix }: LocationSelectsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const regions = useResource(() => fetchLocations('region', null), []);
  const districts = useResource(value.regionId ? () => fetchLocations('district', value.regionId) : null, [value.regionId]);
  const mahallas = useResource(value.districtId ? () => fetchLocations('mahalla', value.districtId) : null, [value.districtId]);
  const options = (items: typeof regions.data) => sortByName(items ?? [], locale).map((l) => ({ value: l.id, label: l.names[locale] }));
  const loadError = regions.error ?? districts.error ?? mahallas.error;

  return (
    <div className="location-selects">
      <Select
        id={`${idPrefix}regionId`}
        label={t('address.region')}
        value={value.regionId}
        emptyLabel={regions.loading ? t('common.loading') : t('address.chooseRegion')}
        options={options(regions.data)}
        error={errors?.regionId}
        onChange={(regionId) => onChange({ regionId, districtId: '', mahallaId: '' })}
      />
      <Select
        id={`${idPrefix}districtId`}
        label={t('address.district')}
        value={value.districtId}
        disabled={!value.regionId}
        hint={!value.regionId ? t('address.regionFirst') : undefined}
        emptyLabel={districts.loading ? t('common.loading') : t('address.chooseDistrict')}
        options={options(districts.data)}
        error={errors?.districtId}
        onChange={(districtId) => onChange({ ...value, districtId, mahallaId: '' })}
      />
      <Select
        id={`${idPrefix}mahallaId`}
        label={t('address.mahalla')}
        value={value.mahallaId}
        disabled={!value.districtId}
        hint={!value.districtId ? t('address.districtFirst') : mahallas.data && mahallas.data.length === 0 ? t('address.noMahallas') : undefined}
        emptyLabel={mahallas.loading ? t('common.loading') : t('address.chooseMahalla')}
        options={options(mahallas.data)}
        error={errors?.mahallaId}
        onChange={(mahallaId) => onChange({ ...value, mahallaId })}
      />
      {loadError !== undefined && <p className="field-error">{t('address.loadFailed')}</p>}
    </div>
  );
}
