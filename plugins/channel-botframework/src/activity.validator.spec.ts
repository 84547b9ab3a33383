import { validateActivity } from './activity.validator';

const valid = {
  type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', id: '1',
  conversation: { id: 'a:1Xy', tenantId: 't' }, from: { id: '29:abc', name: 'Li' }, recipient: { id: '28:bot' },
  locale: 'zh-CN', text: '你好', value: { o2o: { intent: 'book', sessionId: 'x' } }, entities: [], channelData: { tenant: { id: 't' } },
};

describe('validateActivity', () => {
  it('accepts a Teams message with a card submit', () => {
    expect(validateActivity(valid, 'en')).toMatchObject({ ok: true });
  });

  it.each([
    [{ ...valid, type: undefined }, 'type', 'required'],
    [{ ...valid, serviceUrl: 'javascript:alert(1)' }, 'serviceUrl', 'format'],
    [{ ...valid, conversation: 'c' }, 'conversation', 'type'],
    [{ ...valid, from: { id: '' } }, 'from.id', 'required'],
    [{ ...valid, locale: 'not a locale!' }, 'locale', 'format'],
    [{ ...valid, membersAdded: [{}] }, 'membersAdded[0].id', 'required'],
    [{ ...valid, value: { o2o: 'book' } }, 'value.o2o', 'type'],
    [{ ...valid, channelData: [] }, 'channelData', 'type'],
  ])('names the field and the reason (%#)', (body, field, reason) => {
    const result = validateActivity(body, 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual(expect.objectContaining({ field, reason }));
  });

  it('explains in Chinese', () => {
    const result = validateActivity({ ...valid, text: 7 }, 'zh-CN');
    expect(!result.ok && result.errors[0].message).toBe('text 必须是 JSON string');
  });
});
