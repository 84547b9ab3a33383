import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain.error';
import { AccountLinkCode } from './account-link-code.entity';

/** No 0/O or 1/I/L: people type these codes from one screen into another. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DIGITS = '23456789';
const hash = (code: string) => createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

/**
 * Issues and redeems one-time account-link codes (LMS page → chat). Codes are 8 characters with at least one
 * digit, valid for `ttlMinutes`, single-use even when two chats redeem the same code at once.
 */
@Injectable()
export class AccountLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async issue(tenantId: string, learnerId: string, ttlMinutes = 15): Promise<{ code: string; expiresAt: Date }> {
    const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    chars[randomInt(8)] = DIGITS[randomInt(DIGITS.length)];
    const code = chars.join('');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
    await this.tx.run((m) => m.insert(AccountLinkCode, {
      id: randomUUID(), tenantId, learnerId, codeHash: hash(code), expiresAt, usedAt: null, createdAt: now,
    }));
    return { code, expiresAt };
  }

  /** Returns the learner the code was issued for and marks it used; unknown, used or expired codes answer 422. */
  async redeem(code: string): Promise<{ tenantId: string; learnerId: string }> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const row = await m.findOneBy(AccountLinkCode, { codeHash: hash(code) });
      if (!row || row.expiresAt <= now) throw new DomainError('LINK_CODE_INVALID', 422, {}, 'code');
      const claimed = await m.update(AccountLinkCode, { id: row.id, usedAt: IsNull() }, { usedAt: now });
      if (!claimed.affected) throw new DomainError('LINK_CODE_INVALID', 422, {}, 'code');
      return { tenantId: row.tenantId, learnerId: row.learnerId };
    });
  }

  /** For admins: active codes of a learner (never the codes themselves). */
  active(tenantId: string, learnerId: string): Promise<AccountLinkCode[]> {
    return this.dataSource.getRepository(AccountLinkCode).find({ where: { tenantId, learnerId, usedAt: IsNull() } });
  }
}
