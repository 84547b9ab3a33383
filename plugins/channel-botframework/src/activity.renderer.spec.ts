import type { ChatMessage } from '@o2o/plugin-sdk';
import { renderActivities } from './activity.renderer';
import { capabilitiesOf } from './channel-capabilities.table';

const card = {
  title: 'Python hands-on', subtitle: 'Python',
  facts: [{ label: 'When', value: 'Sat 5 Dec, 14:00–17:00' }, { label: 'Price', value: 'CN¥199' }],
  actions: [
    { title: 'Details', command: { intent: 'session_details', sessionId: 's1' } },
    { title: 'Book', command: { intent: 'book', sessionId: 's1' }, style: 'positive' as const },
  ],
};
const messages: ChatMessage[] = [
  { type: 'typing' },
  { type: 'message', locale: 'en', text: 'I found 2 sessions:', cards: [card, { ...card, title: 'Pandas lab' }], suggestedActions: [{ title: 'Help', command: { intent: 'help' } }] },
];

describe('renderActivities', () => {
  it('renders Adaptive Cards 1.5 with Action.Submit data, a fallback text and quick replies on Web Chat', () => {
    const [reply, ...rest] = renderActivities(messages, capabilitiesOf('webchat'), { buffered: true });
    expect(rest).toHaveLength(0);
    expect(reply.attachmentLayout).toBe('carousel');
    const content = reply.attachments![0].content;
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: 'en', fallbackText: 'Python hands-on · When: Sat 5 Dec, 14:00–17:00 · Price: CN¥199' });
    expect(content.actions[1]).toEqual({ type: 'Action.Submit', title: 'Book', data: { o2o: { intent: 'book', sessionId: 's1' } }, style: 'positive', tooltip: 'Book' });
    expect(reply.suggestedActions!.actions[0]).toMatchObject({ type: 'messageBack', title: 'Help', value: { o2o: { intent: 'help' } } });
  });

  it('keeps to the declared card version: no 1.5-only properties on a 1.2 channel', () => {
    const [reply] = renderActivities(messages, capabilitiesOf('omnichannel'), { buffered: true });
    expect(reply.attachments![0].content.version).toBe('1.2');
    expect(reply.attachments![0].content.actions[1]).not.toHaveProperty('tooltip');
  });

  it('sends typing only where it shows and only when replies are not buffered', () => {
    expect(renderActivities(messages, capabilitiesOf('msteams'), { buffered: false })[0]).toEqual({ type: 'typing' });
    expect(renderActivities(messages, capabilitiesOf('sms'), { buffered: false })[0].type).toBe('message');
  });

  it('falls back to plain text where the channel declares no cards and no quick replies', () => {
    const [reply] = renderActivities(messages, capabilitiesOf('sms'), { buffered: false });
    expect(reply.attachments).toBeUndefined();
    expect(reply.suggestedActions).toBeUndefined();
    expect(reply.text).toBe([
      'I found 2 sessions:', '', '1. Python hands-on (Python)', '   When: Sat 5 Dec, 14:00–17:00 · Price: CN¥199', '   → Details | Book', '',
      '2. Pandas lab (Python)', '   When: Sat 5 Dec, 14:00–17:00 · Price: CN¥199', '   → Details | Book',
      'Reply with an action and a number, e.g. “Book 1”.', 'Reply with: Help',
    ].join('\n'));
  });

  it('uses imBack on Teams (the label comes back as text) and an unknown channel gets plain text', () => {
    const [teams] = renderActivities(messages, capabilitiesOf('msteams'), { buffered: true });
    expect(teams.suggestedActions!.actions[0]).toEqual({ type: 'imBack', title: 'Help', value: 'Help' });
    expect(capabilitiesOf('some-new-channel')).toMatchObject({ adaptiveCards: false, suggestedActions: false });
  });

  it('writes its own words in Chinese for Chinese messages', () => {
    const [reply] = renderActivities([{ type: 'message', locale: 'zh-CN', text: '请确认', suggestedActions: [{ title: '是的', command: { intent: 'confirm_yes' } }] }], capabilitiesOf('sms'), { buffered: false });
    expect(reply.text).toBe('请确认\n请回复:是的');
  });
});
