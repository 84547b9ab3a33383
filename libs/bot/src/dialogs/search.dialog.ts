import { Injectable } from '@nestjs/common';
import { SuggestionService } from '@o2o/core';
import type { ChatAction } from '@o2o/plugin-sdk';
import { localTitle } from '../catalogue/catalogue.snapshot';
import type { SearchFilters } from '../state/conversation-state.types';
import { say } from '../text/say.util';
import { sessionCard } from '../text/session.presenter';
import { BotReadModel } from './bot-read.model';
import { resolveSession } from './session-reference.resolver';
import { intentAction, reply, StepResult, text, TurnScope } from './turn-scope.util';
import type { Understanding } from './understanding.mapper';

/** Cards per answer: more does not fit a chat window. */
const SHOWN = 5;
/** Rows read to say "10+" without counting the whole table. */
const PEEK = 11;
/** City quick replies offered when the user did not say where. */
const CITY_CHOICES = 6;
const ANY = '*';

/** Finding sessions (with slot filling for the city), course options, suggestions and session details. */
@Injectable()
export class SearchDialog {
  constructor(
    private readonly read: BotReadModel,
    private readonly suggestions: SuggestionService,
  ) {}

  async find(scope: TurnScope, u: Understanding, carried: SearchFilters = {}): Promise<StepResult> {
    const filters: SearchFilters = { ...carried };
    if (u.topic) filters.topic = u.topic;
    if (u.city) filters.city = u.city;
    if (u.courseId) filters.courseId = u.courseId;
    if (u.dateRange) Object.assign(filters, { from: u.dateRange.from.toISOString(), to: u.dateRange.to.toISOString(), dateText: u.dateRange.text });
    const said = filters.topic || filters.city || filters.courseId || filters.from;
    // Nothing to go on: ask where (slot filling) instead of dumping the whole catalogue.
    if (!said && !u.fromCommand && !carried.city) {
      scope.state.awaiting = { slot: 'city', search: filters };
      return reply(this.askCity(scope));
    }
    if (filters.city === ANY) delete filters.city;
    const rows = await this.read.search(scope.tenant.id, filters, scope.now, PEEK);
    scope.state.list = rows.slice(0, SHOWN).map((s) => s.id);
    scope.state.focus = undefined;
    const described = this.describe(scope, filters);
    if (rows.length === 0) return reply(text(scope, 'bot.search.none', { filters: described }, { actions: [intentAction(scope, 'course_offline_options'), intentAction(scope, 'talk_to_person')] }));
    const cards = rows.slice(0, SHOWN).map((s) => sessionCard(s, scope.catalogue, scope.locale));
    const count = rows.length >= PEEK ? `${PEEK - 1}+` : rows.length;
    const key = rows.length > SHOWN ? 'bot.search.found_more' : rows.length === 1 ? 'bot.search.found_one' : 'bot.search.found';
    return { replies: [{ type: 'typing' }, text(scope, key, { count, shown: SHOWN, filters: described }, { cards })] };
  }

  askCity(scope: TurnScope) {
    const cities = scope.catalogue.cityKeys().slice(0, CITY_CHOICES);
    const actions: ChatAction[] = cities.map((c) => ({ title: scope.catalogue.cityName(c, scope.locale), command: { intent: 'find_sessions', city: c } }));
    actions.push({ title: say(scope.locale, 'bot.search.any_city'), command: { intent: 'find_sessions', city: ANY } });
    return text(scope, 'bot.search.ask_city', {}, { actions });
  }

  /** "What should I attend?": personal suggestions when linked, else the course's sessions. */
  async options(scope: TurnScope, u: Understanding): Promise<StepResult> {
    if (u.courseAlternatives?.length && u.courseId) return this.askCourse(scope, [u.courseId, ...u.courseAlternatives]);
    if (scope.link) {
      const suggested = await this.suggestions.forLearner(scope.tenant.id, scope.link.learnerId, {
        limit: SHOWN, courseId: u.courseId, city: u.city,
        from: u.dateRange?.from, to: u.dateRange?.to,
      });
      scope.state.list = suggested.map((s) => s.session.id);
      scope.state.focus = undefined;
      if (suggested.length === 0) return reply(text(scope, 'bot.search.suggestions_none', {}, { actions: [intentAction(scope, 'find_sessions')] }));
      const cards = suggested.map((s) => sessionCard(s.session, scope.catalogue, scope.locale, {
        facts: [{ label: say(scope.locale, 'bot.fact.why'), value: s.reason[scope.locale] }],
      }));
      return { replies: [{ type: 'typing' }, text(scope, 'bot.search.suggestions', {}, { cards })] };
    }
    if (!u.courseId) return this.askCourse(scope, [...scope.catalogue.courses.keys()]);
    const course = scope.catalogue.course(u.courseId);
    const title = course ? localTitle(course.title, scope.locale) : '';
    const rows = await this.read.search(scope.tenant.id, { courseId: u.courseId }, scope.now, SHOWN);
    scope.state.list = rows.map((s) => s.id);
    scope.state.focus = undefined;
    if (rows.length === 0) return reply(text(scope, 'bot.search.course_none', { course: title }, { actions: [intentAction(scope, 'find_sessions')] }));
    const cards = rows.map((s) => sessionCard(s, scope.catalogue, scope.locale));
    return reply(text(scope, 'bot.search.course_sessions', { course: title }, { cards }));
  }

  askCourse(scope: TurnScope, courseIds: string[]): StepResult {
    scope.state.awaiting = { slot: 'course' };
    const actions = courseIds.slice(0, SHOWN).map((id) => ({
      title: localTitle(scope.catalogue.course(id)?.title ?? id, scope.locale),
      command: { intent: 'course_offline_options', courseId: id },
    }));
    return reply(text(scope, 'bot.search.ask_course', {}, { actions }));
  }

  async details(scope: TurnScope, u: Understanding): Promise<StepResult> {
    const ref = resolveSession(u, scope.state);
    if ('ambiguous' in ref) return this.askSession(scope, 'session_details');
    if ('none' in ref) return reply(this.noContext(scope));
    const session = await this.read.session(scope.tenant.id, ref.sessionId);
    if (!session || session.status !== 'scheduled') return reply(text(scope, 'bot.search.gone'));
    scope.state.focus = session.id;
    const card = sessionCard(session, scope.catalogue, scope.locale, { detailed: true });
    const ask = (intent: string, key: string) => ({ title: say(scope.locale, key), command: { intent, sessionId: session.id } });
    return reply(text(scope, 'bot.search.details', {}, {
      cards: [card],
      actions: [ask('ask_price', 'bot.action.price'), ask('ask_location', 'bot.action.location'), ask('ask_what_to_bring', 'bot.action.bring')],
    }));
  }

  /** Slot filling for "which session?": the last list as choices; the answer goes on to `then`. */
  async askSession(scope: TurnScope, then: string): Promise<StepResult> {
    const sessions = await this.read.sessions(scope.tenant.id, scope.state.list ?? []);
    if (sessions.length === 0) return reply(this.noContext(scope));
    scope.state.awaiting = { slot: 'session', then };
    const actions = sessions.map((s, i) => ({ title: `${i + 1}. ${localTitle(s.title, scope.locale)}`.slice(0, 60), command: { intent: then, sessionId: s.id } }));
    return reply(text(scope, 'bot.search.ask_session', {}, { actions }));
  }

  noContext(scope: TurnScope) {
    return text(scope, 'bot.search.no_context', {}, { actions: [intentAction(scope, 'find_sessions'), intentAction(scope, 'course_offline_options')] });
  }

  private describe(scope: TurnScope, f: SearchFilters): string {
    const parts: string[] = [];
    if (f.topic) parts.push(scope.catalogue.topicName(f.topic, scope.locale));
    if (f.courseId) parts.push(localTitle(scope.catalogue.course(f.courseId)?.title ?? '', scope.locale));
    if (f.city) parts.push(scope.catalogue.cityName(f.city, scope.locale));
    if (f.dateText) parts.push(f.dateText);
    const joined = parts.filter(Boolean).join(' · ');
    if (!joined) return '';
    return scope.locale === 'zh-CN' ? `（${joined}）` : ` (${joined})`;
  }
}
