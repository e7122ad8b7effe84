import { describe, expect, it } from 'vitest';
import type { HouseholdView } from '../../api/types.ts';
import { emptyPersonForm } from '../people/person-model.ts';
import {
  caregiverNamesFor, changedHouseholdFields, emptyHouseholdForm, householdPayload, householdToForm, memberInput, validateHousehold, validateMember,
  type MemberDraft,
} from './household-model.ts';

const household: HouseholdView = {
  id: 'a0000000-0000-4000-8000-000000000001',
  reference: 'H-000001',
  displayName: 'Камаловы',
  regionId: null,
  districtId: null,
  mahallaId: null,
  addressLine: 'Yunusobod 4-12',
  phone: '+998901234567',
  notes: null,
  branchId: 'b0000000-0000-4000-8000-000000000001',
  teamId: null,
  assignedWorkerId: null,
  archivedAt: null,
  version: 2,
};

describe('household form', () => {
  it('round-trips without changes', () => {
    expect(changedHouseholdFields(household, householdToForm(household))).toEqual({});
  });

  it('sends only changed fields, phones in E.164', () => {
    const form = { ...householdToForm(household), phone: '90 765 43 21', notes: 'Visit on Mondays' };
    expect(changedHouseholdFields(household, form)).toEqual({ phone: '+998907654321', notes: 'Visit on Mondays' });
  });

  it('requires a name and a branch, and a valid phone when given', () => {
    expect(validateHousehold(emptyHouseholdForm())).toEqual({ displayName: 'required', branchId: 'required' });
    expect(validateHousehold({ ...householdToForm(household), phone: '123' })).toEqual({ phone: 'invalid_phone' });
  });

  it('sends null for empty optional fields', () => {
    expect(householdPayload(emptyHouseholdForm({ displayName: ' Karimovlar ', branchId: 'b' }))).toMatchObject({ displayName: 'Karimovlar', phone: null, regionId: null });
  });
});

describe('members', () => {
  it('sends an existing person by id', () => {
    const person = { id: 'p1', reference: 'P-1', archivedAt: null, version: 1 };
    expect(memberInput({ key: 'k', kind: 'existing', person, relationship: 'mother', isPrimaryCaregiver: true })).toEqual({
      personId: 'p1',
      relationship: 'mother',
      isPrimaryCaregiver: true,
    });
  });

  it('sends only the short form of a new person', () => {
    const values = { ...emptyPersonForm(), givenName: 'Aziz', familyName: 'Karimov', sex: 'male' as const, birthDate: '01.05.2016', phone: '+998901234567', branchId: 'b' };
    const input = memberInput({ key: 'k', kind: 'new', values, relationship: 'child', isPrimaryCaregiver: false });
    expect(input).toEqual({
      person: {
        familyName: 'Karimov', givenName: 'Aziz', patronymic: null, familyNameAlt: null, givenNameAlt: null, patronymicAlt: null,
        sex: 'male', birthDate: '2016-05-01', birthDateEstimated: false,
      },
      relationship: 'child',
      isPrimaryCaregiver: false,
    });
  });

  it('checks the relationship and the new person with the server paths', () => {
    expect(validateMember({ key: 'k', kind: 'new', values: emptyPersonForm(), relationship: '', isPrimaryCaregiver: false })).toEqual({
      relationship: 'required',
      'person.familyName': 'required',
      'person.givenName': 'required',
      'person.sex': 'required',
    });
  });
});

describe('a new member who may be registered already', () => {
  const child: MemberDraft = { key: 'c', kind: 'new', values: emptyPersonForm({ givenName: 'Gayrat', familyName: 'Iusupov', sex: 'male' }), relationship: 'child', isPrimaryCaregiver: false };
  const mother: MemberDraft = { key: 'm', kind: 'new', values: emptyPersonForm({ givenName: 'Shahnoza ', familyName: 'Iusupova' }), relationship: 'mother', isPrimaryCaregiver: false };
  const aunt: MemberDraft = {
    key: 'a', kind: 'existing', person: { id: 'p', reference: 'P-1', givenName: 'Dilnoza', familyName: 'Rahimova', archivedAt: null, version: 1 }, relationship: 'other_relative', isPrimaryCaregiver: true,
  };
  const sibling: MemberDraft = { ...child, key: 's', values: emptyPersonForm({ givenName: 'Madina', familyName: 'Iusupova' }), relationship: 'sibling' };

  it('carries the worker\'s reason to register them anyway', () => {
    const override = { reason: 'Cousins', candidateIds: ['x'] };
    expect(memberInput(child, override)).toMatchObject({ person: { givenName: 'Gayrat', duplicateOverride: override } });
    expect(memberInput(child)).not.toHaveProperty('person.duplicateOverride');
  });

  it('is compared with the caregivers typed with them: parents and the primary caregiver, not siblings or themself', () => {
    expect(caregiverNamesFor([child, mother, aunt, sibling], 0)).toEqual(['Shahnoza Iusupova', 'Dilnoza Rahimova']);
    expect(caregiverNamesFor([child, mother], 1)).toEqual([]);
  });
});
