import { describe, expect, it } from 'vitest';
import { CALL_STATUSES } from '../engine/types';
import { GLOSSARY, STATUS_TERM, glossaryTerm } from './terms';

/** The terms the UI uses that the glossary must explain. */
const UI_TERMS = [
  'wave',
  'model-turn',
  'critical-path',
  'degrade',
  'abort',
  'ignore',
  'optional-input',
  'partial-state-context',
  'anti-pattern',
  'scenario',
  'seed',
  'effect',
  'makespan',
] as const;

describe('the glossary', () => {
  it('gives every term exactly one entry, by id and by name', () => {
    const ids = GLOSSARY.map((t) => t.id);
    const names = GLOSSARY.map((t) => t.term.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('defines every term in one non-empty sentence closed by a full stop', () => {
    for (const t of GLOSSARY) {
      expect(t.definition.trim().length, t.id).toBeGreaterThan(10);
      expect(t.definition, t.id).toMatch(/[^.]\.$/);
      // One sentence: no full stop before the closing one (a full stop followed by a space starts another).
      expect(t.definition.slice(0, -1), t.id).not.toMatch(/\.\s/);
    }
  });

  it('never repeats a definition under another term', () => {
    const defs = GLOSSARY.map((t) => t.definition);
    expect(new Set(defs).size).toBe(defs.length);
  });

  it.each(UI_TERMS)('explains %s, a term the UI uses', (id) => {
    expect(glossaryTerm(id).definition).not.toBe('');
  });

  it('points every "see also" at another existing term', () => {
    const ids = new Set<string>(GLOSSARY.map((t) => t.id));
    for (const t of GLOSSARY) {
      for (const s of ('seeAlso' in t ? t.seeAlso : []) as readonly string[]) {
        expect(ids.has(s), `${t.id} → ${s}`).toBe(true);
        expect(s).not.toBe(t.id);
      }
    }
  });

  it('explains every final call status', () => {
    for (const s of CALL_STATUSES) expect(glossaryTerm(STATUS_TERM[s]).term.toLowerCase()).toBe(s.replace('_', ' '));
  });
});
