import type { ChatAction, ChatCard } from '@o2o/plugin-sdk';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
type Version = '1.0' | '1.2' | '1.3' | '1.4' | '1.5';

const atLeast = (version: Version, wanted: Version) => Number(version) >= Number(wanted);

/**
 * A neutral card as an Adaptive Card of the version the channel declares (at most 1.5). Buttons are
 * Action.Submit whose data carries the engine's command under `o2o`; newer properties only where the version has
 * them, and `fallbackText` for clients below the declared version.
 */
export function buildAdaptiveCard(card: ChatCard, version: Version, lang: string, fallbackText: string): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (card.subtitle) body.push({ type: 'TextBlock', text: card.subtitle, isSubtle: true, spacing: 'None', wrap: true });
  if (card.facts.length) body.push({ type: 'FactSet', facts: card.facts.map((f) => ({ title: f.label, value: f.value })) });
  if (card.text) body.push({ type: 'TextBlock', text: card.text, wrap: true, spacing: 'Medium' });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version,
    lang,
    fallbackText,
    body,
    actions: card.actions.map((a) => submit(a, version)),
  };
}

function submit(action: ChatAction, version: Version): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'Action.Submit', title: action.title, data: { o2o: action.command } };
  if (atLeast(version, '1.2') && action.style && action.style !== 'default') out.style = action.style;
  if (atLeast(version, '1.5')) out.tooltip = action.title;
  return out;
}
