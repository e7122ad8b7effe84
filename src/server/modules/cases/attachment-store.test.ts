import { describe, expect, it } from 'vitest';
import { declaredMatches, safeFileName, sniffType } from './attachment-store.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('attachment type by magic bytes', () => {
  it('recognises the allowed types', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8L')]))).toBe('image/webp');
    expect(sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml')]))).toBe(DOCX_TYPE);
  });

  it('refuses everything else, including look-alikes', () => {
    for (const bytes of [
      Buffer.from('MZ\x90\x00'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), Buffer.from('GIF89a'), Buffer.from(' %PDF-1.7'),
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI ')]),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml xl/workbook.xml')]),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml word/vbaProject.bin')]),
      Buffer.alloc(0),
    ]) expect(sniffType(bytes)).toBeNull();
  });

  it('requires the declared type and the extension to agree with the bytes', () => {
    expect(declaredMatches('application/pdf', 'application/pdf', 'a.PDF')).toBe(true);
    expect(declaredMatches('application/pdf', 'application/octet-stream', 'scan')).toBe(true);
    expect(declaredMatches('image/jpeg', 'image/jpeg', 'photo.jpeg')).toBe(true);
    expect(declaredMatches('application/pdf', 'image/png', 'a.pdf')).toBe(false);
    expect(declaredMatches('image/png', 'image/png', 'a.html')).toBe(false);
  });

  it('keeps file names free of paths and control characters', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\Справка.pdf', 'application/pdf')).toBe('Справка.pdf');
    expect(safeFileName('a\u0000b"c.png', 'image/png')).toBe('abc.png');
    expect(safeFileName('..', 'image/png')).toBe('attachment.png');
  });
});
