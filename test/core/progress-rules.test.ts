import { evidenceRefProblem, isDoi, isPatentApplicationNo } from '../../core/evidence';
import {
  acceptedSlots,
  codeSlot,
  daysOfMonth,
  distanceMeters,
  geofenceVerdict,
  logDayRefusal,
  parseQrPayload,
  qrPayload,
  weekOf,
} from '../../core/progress-rules';

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

  it('asks for a reference unless the kind is none, and none takes no reference', () => {
    expect(evidenceRefProblem('report', '')).toBe('请填写凭证编号，或选择「无凭证」');
    expect(evidenceRefProblem('none', 'x')).toBe('选择「无凭证」时不需要填写编号');
    expect(evidenceRefProblem('link', 'www.example.com')).toBe('链接须以 http:// 或 https:// 开头');
    expect(evidenceRefProblem('contract', 'HT-2026-001')).toBeNull();
  });
});

describe('days', () => {
  const at = (iso: string) => Date.parse(iso);
  it('refuses future days and days more than a week back, by the Shanghai calendar', () => {
    // 2026-11-20 23:59 in Shanghai is 15:59 UTC.
    expect(logDayRefusal('2026-11-20', at('2026-11-20T15:59:00Z'))).toBeNull();
    expect(logDayRefusal('2026-11-21', at('2026-11-20T15:59:00Z'))).toBe('不能记录未来日期的进展');
    expect(logDayRefusal('2026-11-21', at('2026-11-20T16:01:00Z'))).toBeNull();
    expect(logDayRefusal('2026-11-13', at('2026-11-20T16:01:00Z'))).toBe('只能补记最近 7 天内的进展');
    expect(logDayRefusal('2026-11-14', at('2026-11-20T16:01:00Z'))).toBeNull();
  });

  it('finds the Monday-to-Sunday week and every day of a month', () => {
    expect(weekOf('2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-11')[29]).toBe('2026-11-30');
  });
});

describe('rotating code timing', () => {
  it('accepts the current slot and those whose successor appeared less than 20 s ago', () => {
    expect(acceptedSlots(100_000)).toEqual([10, 9, 8]);
    expect(acceptedSlots(109_999)).toEqual([10, 9, 8]);
    expect(acceptedSlots(110_000)).toEqual([11, 10, 9]);
    expect(codeSlot(109_999)).toBe(10);
  });

  it('round-trips the QR payload and rejects anything else', () => {
    expect(parseQrPayload(qrPayload('ev-abc_1', '012345'))).toEqual({ eventId: 'ev-abc_1', code: '012345' });
    expect(parseQrPayload('https://example.com')).toBeNull();
    expect(parseQrPayload('KCSIGN|ev|12345')).toBeNull();
  });
});

describe('geofence', () => {
  const place = { lat: 30.2741, lng: 120.1551, radius: 200 };
  it('measures great-circle distance', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
    expect(distanceMeters(place, { lat: 30.2741, lng: 120.1551 })).toBe(0);
  });

  it('lets in a precise fix inside the radius only', () => {
    expect(geofenceVerdict(place, { lat: 30.2755, lng: 120.1551, accuracy: 30 })).toEqual({ ok: true, distance: 156 });
    expect(geofenceVerdict(place, { lat: 30.2761, lng: 120.1551, accuracy: 30 })).toMatchObject({ ok: false, distance: 222 });
    expect(geofenceVerdict(place, { lat: 30.2741, lng: 120.1551, accuracy: 101 })).toMatchObject({ ok: false, distance: 0 });
    expect(geofenceVerdict(place, { lat: 30.2741, lng: 120.1551, accuracy: 100 })).toEqual({ ok: true, distance: 0 });
  });
});
