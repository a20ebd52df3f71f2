export type OrgOption = { id: string; name: string; unitName: string; parentId: string | null };
export type OrgOptions = { league: OrgOption[]; party: OrgOption[] };
