import { evidenceRefProblem, isDoi, isPatentApplicationNo, isSoftwareCopyrightNo, isStandardNo } from '../../core/evidence';

describe('evidence references', () => {
  it.each([
    ['CN202610123451.7', true],
    ['202610123451.7', true],
    ['ZL 202610123451.7', true],
    ['202610123456.X', true],
    ['03123456.9', true],
    ['CN202610123451.3', false],
    ['CN20261012345.7', false],
    ['专利 202610123451', false],
  ])('patent application no. %s → %s', (value, valid) => {
    expect(isPatentApplicationNo(value)).toBe(valid);
  });

  it.each([
    ['10.1109/JSSC.2026.1234567', true],
    ['https://doi.org/10.1038/s41586-026-01234-5', true],
    ['doi:10.1000/182', true],
    ['10.11/abc', false],
    ['JSSC.2026.1234567', false],
  ])('DOI %s → %s', (value, valid) => {
    expect(isDoi(value)).toBe(valid);
  });

  it.each([
    ['GB/T 43697-2024', true],
    ['GB 4943.1-2022', true],
    ['T/CESA 1288-2026', true],
    ['JB/T 10324-2019', true],
    ['DB11/T 1234-2021', true],
    ['ISO 26262-1:2018', true],
    ['ISO/IEC 27001:2022', true],
    ['GB/T 43697', false],
    ['标准 43697-2024', false],
    ['GB/T-2024', false],
  ])('standard no. %s → %s', (value, valid) => {
    expect(isStandardNo(value)).toBe(valid);
  });

  it.each([
    ['2026SR0123456', true],
    ['2019SR123456', true],
    ['2026SR01234', false],
    ['SR0123456', false],
  ])('software copyright no. %s → %s', (value, valid) => {
    expect(isSoftwareCopyrightNo(value)).toBe(valid);
  });

  it('asks for a reference unless the kind is none, and none takes no reference', () => {
    expect(evidenceRefProblem('report', '')).toBe('请填写凭证编号，或选择「无凭证」');
    expect(evidenceRefProblem('none', 'x')).toBe('选择「无凭证」时不需要填写编号');
    expect(evidenceRefProblem('link', 'www.example.com')).toBe('链接须以 http:// 或 https:// 开头');
    expect(evidenceRefProblem('contract', 'HT-2026-001')).toBeNull();
  });
});
