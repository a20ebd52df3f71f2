/** What a picked document is for: an attachment (PDF, Office, images) or an Excel sheet to import. */
export type DocumentKind = 'attachment' | 'sheet';
