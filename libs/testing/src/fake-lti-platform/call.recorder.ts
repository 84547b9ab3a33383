import type { EndpointName, RecordedCall } from './fake-lti-platform.types';

export interface CallFilter {
  endpoint?: EndpointName | EndpointName[] | 'ags';
  method?: string;
  status?: number;
}

/** Keeps every request the fake answered, so tests assert on what the tool actually sent. */
export class CallRecorder {
  private readonly recorded: RecordedCall[] = [];
  private seq = 0;

  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const stored = { ...call, seq: ++this.seq };
    this.recorded.push(stored);
    return stored;
  }

  calls(filter: CallFilter = {}): RecordedCall[] {
    return this.recorded.filter((c) => {
      if (filter.endpoint === 'ags' && !c.endpoint.startsWith('ags.')) return false;
      if (Array.isArray(filter.endpoint) && !filter.endpoint.includes(c.endpoint)) return false;
      if (typeof filter.endpoint === 'string' && filter.endpoint !== 'ags' && c.endpoint !== filter.endpoint) return false;
      if (filter.method && c.method !== filter.method.toUpperCase()) return false;
      if (filter.status !== undefined && c.status !== filter.status) return false;
      return true;
    });
  }

  clear(): void {
    this.recorded.length = 0;
  }
}
