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
