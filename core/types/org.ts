export type OrgKind = 'league' | 'party';
export type Org = {
  _id: string;
  kind: OrgKind;
  name: string;
  parentId: string | null;
  unitName: string;
};
