import { describe, expect, it } from 'vitest';
import { seenFigure } from '../../../src/shared/aggregates/seen';
import { protecting, suppressed } from '../../../src/shared/aggregates/suppression';
import { heatColour, shareText, shareValue } from '../../../src/client/ui/dashboard/format';
import { summaryQuery, type ResultsScope } from '../../../src/client/ui/dashboard/query';

const scope: ResultsScope = {
  mode: 'round',
  roundId: '',
  schoolId: 's',
  protocolId: 'p',
  from: '2026-09-01',
  to: '2026-10-01',
  gradeBand: '',
  subject: '',
  heat: 'gradeBand',
};

describe('results screen words and queries', () => {
  it('says "Not enough visits yet" for a cell on too few classrooms, and never a number', () => {
    expect(shareText(suppressed(5), 5)).toBe('Not enough visits yet');
    expect(shareText(protecting(), 5)).toBe('Hidden so that a smaller group cannot be worked out');
    // A share resting on fewer classrooms than "enough visits" (the same threshold).
    expect(
      shareText({ suppressed: false, ...seenFigure({ seen: 3, notSeen: 1, na: 4 }, 5) }, 5),
    ).toBe('Not enough visits yet');
    expect(shareValue(suppressed(5))).toBeNull();
  });

  it('says "All N/A" rather than 0% when every room answered N/A', () => {
    expect(
      shareText({ suppressed: false, ...seenFigure({ seen: 0, notSeen: 0, na: 6 }, 5) }, 5),
    ).toBe('All N/A');
  });

  it('gives the percentage of a shown cell', () => {
    expect(
      shareText({ suppressed: false, ...seenFigure({ seen: 4, notSeen: 2, na: 0 }, 5) }, 5),
    ).toBe('66.7%');
  });

  it('colours hidden cells grey and dark cells with white text', () => {
    expect(heatColour(null).background).toBe('#eeeeee');
    expect(heatColour(100)).toEqual({ background: '#08519c', color: '#ffffff' });
    expect(heatColour(0).color).toBe('#1c2426');
  });

  it('asks for nothing until the scope is complete', () => {
    expect(summaryQuery(scope)).toBeNull();
    expect(summaryQuery({ ...scope, mode: 'range', protocolId: '' })).toBeNull();
  });

  it('asks for a round, or a school, protocol and dates, with the filters', () => {
    expect(summaryQuery({ ...scope, roundId: 'r1', gradeBand: 'K-2' })).toBe(
      'roundId=r1&gradeBand=K-2&heat=gradeBand',
    );
    expect(summaryQuery({ ...scope, mode: 'range', subject: ' Math ', heat: 'subject' })).toBe(
      'schoolId=s&protocolId=p&from=2026-09-01&to=2026-10-01&subject=Math&heat=subject',
    );
  });
});
