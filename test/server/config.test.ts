import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';

describe('server configuration', () => {
  it('suppresses dashboard cells below 5 classrooms unless told otherwise', () => {
    expect(readConfig({}).suppressBelow).toBe(5);
    expect(readConfig({ SUPPRESS_BELOW: '' }).suppressBelow).toBe(5);
  });

  it('takes a higher suppression threshold from SUPPRESS_BELOW, and 3 at the least', () => {
    expect(readConfig({ SUPPRESS_BELOW: '10' }).suppressBelow).toBe(10);
    expect(readConfig({ SUPPRESS_BELOW: '3' }).suppressBelow).toBe(3);
  });

  it('refuses a suppression threshold below 3, or one that is not a whole number, at start-up', () => {
    expect(() => readConfig({ SUPPRESS_BELOW: '2' })).toThrow(/at least 3/);
    expect(() => readConfig({ SUPPRESS_BELOW: '0' })).toThrow(/at least 3/);
    expect(() => readConfig({ SUPPRESS_BELOW: 'five' })).toThrow(/SUPPRESS_BELOW/);
    expect(() => readConfig({ SUPPRESS_BELOW: '4.5' })).toThrow(/SUPPRESS_BELOW/);
  });
});

describe('email configuration', () => {
  const mailEnv = {
    SMTP_URL: 'smtp://lookfor:secret@mail.district.org:587',
    MAIL_FROM: 'Lookfor <lookfor@district.org>',
    PUBLIC_URL: 'https://lookfor.district.org/',
  };

  it('leaves email off without SMTP_URL', () => {
    expect(readConfig({}).mail).toBeUndefined();
    expect(readConfig({ SMTP_URL: '', MAIL_FROM: 'x' }).mail).toBeUndefined();
  });

  it('turns email on with SMTP_URL, MAIL_FROM and PUBLIC_URL', () => {
    expect(readConfig(mailEnv).mail).toEqual({
      smtpUrl: mailEnv.SMTP_URL,
      from: 'Lookfor <lookfor@district.org>',
      publicUrl: 'https://lookfor.district.org',
    });
    expect(readConfig({ ...mailEnv, MAIL_FROM: 'lookfor@district.org' }).mail?.from).toBe(
      'lookfor@district.org',
    );
  });

  it('refuses a bad SMTP_URL, MAIL_FROM or PUBLIC_URL at start-up with a clear message', () => {
    expect(() => readConfig({ ...mailEnv, SMTP_URL: 'mail.district.org' })).toThrow(/SMTP_URL/);
    expect(() => readConfig({ ...mailEnv, SMTP_URL: 'http://mail.district.org' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => readConfig({ ...mailEnv, MAIL_FROM: '' })).toThrow(/MAIL_FROM is required/);
    expect(() => readConfig({ ...mailEnv, MAIL_FROM: 'lookfor' })).toThrow(/MAIL_FROM must be/);
    expect(() => readConfig({ ...mailEnv, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ ...mailEnv, PUBLIC_URL: 'ftp://x.org' })).toThrow(/PUBLIC_URL/);
  });
});

describe('photo storage configuration', () => {
  it('keeps photos as files under the data folder unless told otherwise', () => {
    const config = readConfig({ DATA_DIR: '/srv/lookfor' });
    expect(config.photoStore).toBe('files');
    expect(config.photoDir).toBe('/srv/lookfor/photos');
  });

  it('keeps them in a shared folder with PHOTO_DIR, or in the database with PHOTO_STORE', () => {
    expect(readConfig({ PHOTO_DIR: '/mnt/shared/photos' }).photoDir).toBe('/mnt/shared/photos');
    expect(readConfig({ PHOTO_STORE: 'database' }).photoStore).toBe('database');
  });

  it('refuses an unknown PHOTO_STORE at start-up with a clear message', () => {
    expect(() => readConfig({ PHOTO_STORE: 's3' })).toThrow(/PHOTO_STORE must be "files"/);
  });
});
