import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@o2o/core';
import { PermanentJobError } from '@o2o/jobs';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { ChatConversationReference, ChatMessage, PluginRegistry } from '@o2o/plugin-sdk';
import { BotDelivery } from '../persistence/bot-delivery.entity';

export interface Delivery {
  /** Names what is sent; the same key is never delivered twice. */
  key: string;
  kind: string;
  tenantId: string;
  learnerId: string | null;
  reference: ChatConversationReference;
  messages: ChatMessage[];
}

/**
 * Hands a proactive message to the channel plugin that owns the conversation, once per delivery key. The key is
 * recorded after the channel accepted the message; a job re-run (retry, lease takeover) finds it and stops.
 */
@Injectable()
export class ProactiveSender {
  private readonly logger = new Logger('ProactiveSender');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly registry: PluginRegistry,
    private readonly clock: Clock,
  ) {}

  async alreadySent(key: string): Promise<boolean> {
    return this.dataSource.getRepository(BotDelivery).existsBy({ deliveryKey: key });
  }

  async send(delivery: Delivery): Promise<'sent' | 'already sent'> {
    if (await this.alreadySent(delivery.key)) return 'already sent';
    const channel = this.registry.channel(delivery.reference.plugin);
    // The plugin that owned this conversation is no longer enabled: retrying cannot help.
    if (!channel) throw new PermanentJobError(`no channel plugin "${delivery.reference.plugin}" to reach this conversation`);
    await channel.sendProactive(delivery.reference, delivery.messages);
    try {
      await this.tx.run((m) => m.insert(BotDelivery, {
        id: randomUUID(), deliveryKey: delivery.key, tenantId: delivery.tenantId, learnerId: delivery.learnerId,
        kind: delivery.kind, sentAt: this.clock.now(),
      }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      this.logger.warn(`delivery ${delivery.key} was recorded by another worker at the same time`);
    }
    return 'sent';
  }
}
