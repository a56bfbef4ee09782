import { describe, expect, it } from 'vitest';
import { signWebhook, newWebhookSecret } from '../../server/webhooks/webhook-signature';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_SECONDS } from '../../surveys/webhook-events';
import { digestDue, inQuietHours } from '../../surveys/quiet-hours';

describe('webhook signing (Standard Webhooks)', () => {
  it('matches the example of the Standard Webhooks specification', () => {
    // The reference libraries' test vector.
    const headers = signWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(headers['webhook-timestamp']).toBe('1614265330');
    expect(headers['webhook-id']).toBe('msg_p5jXN8AQM9LWM0D4loKWxJek');
  });

  it('makes a fresh whsec_ secret of 24 random bytes each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('retry backoff', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up', () => {
    const failed = new Date('2026-01-01T00:00:00Z');
    const waits = RETRY_DELAYS_SECONDS.map((_, i) => (nextAttemptAt(i + 1, failed)!.getTime() - failed.getTime()) / 1000);
    expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(nextAttemptAt(MAX_ATTEMPTS, failed)).toBeUndefined();
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3600);
  });
});

describe('quiet hours and digests (Vietnam time)', () => {
  it('holds mail from 21:00 to 07:00 across midnight', () => {
    const vn = (h: number) => new Date(Date.UTC(2026, 0, 1, h - 7));
    expect(inQuietHours(vn(22), 21, 7)).toBe(true);
    expect(inQuietHours(vn(3), 21, 7)).toBe(true);
    expect(inQuietHours(vn(7), 21, 7)).toBe(false);
    expect(inQuietHours(vn(20), 21, 7)).toBe(false);
    expect(inQuietHours(vn(3), null, null)).toBe(false);
    expect(inQuietHours(vn(13), 12, 14)).toBe(true);
  });

  it('sends a digest from 07:00 with what was found before the day began', () => {
    const found = new Date('2026-01-01T05:00:00Z'); // 12:00 in Vietnam
    expect(digestDue(new Date('2026-01-01T10:00:00Z'), found)).toBe(false);
    expect(digestDue(new Date('2026-01-01T23:30:00Z'), found)).toBe(false); // 06:30 next day
    expect(digestDue(new Date('2026-01-02T00:30:00Z'), found)).toBe(true); // 07:30 next day
  });
});
