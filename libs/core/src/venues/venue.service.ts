import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { Venue } from './venue.entity';

export type CreateVenueInput = Pick<Venue, 'name' | 'city' | 'capacity'> & Partial<Pick<Venue, 'address' | 'costMinor' | 'currency'>>;

@Injectable()
export class VenueService {
  constructor(
    @InjectRepository(Venue) private readonly venues: Repository<Venue>,
    private readonly tx: TransactionRunner,
  ) {}

  async create(tenantId: string, input: CreateVenueInput): Promise<Venue> {
    const id = randomUUID();
    await this.tx.run((m) => m.insert(Venue, { address: '', costMinor: 0, currency: 'CNY', ...input, id, tenantId }));
    return this.venues.findOneByOrFail({ id });
  }

  list(tenantId: string): Promise<Venue[]> {
    return this.venues.find({ where: { tenantId }, order: { city: 'ASC', name: 'ASC' } });
  }
}
