import { describe, expect, it } from 'vitest';
import { commentView } from '../../server/comments/comment-view';
import { educationSurvey, sipasCounterShort } from '../../surveys/instruments';
import { scale3Survey } from '../support/scale3-survey';

describe('commentView: a comment with the rating beside it', () => {
  const versions = [
    { id: 7, definition: sipasCounterShort },
    { id: 9, definition: { ...educationSurvey, overall: undefined } },
  ];
  const row = {
    id: 41,
    submitted_at: new Date('2026-04-15T03:00:00Z'),
    counter_code: 'demo-land',
    counter_name: 'Quầy Đất đai',
    unit_name: 'Bộ phận Một cửa',
    sector_code: 'land',
    survey_version_id: 7,
    satisfied: false,
    answers: { overall: 2, access_q: 5 },
    comment: 'Chờ lâu',
  };

  it('rates it by the answer to its version’s overall question', () => {
    expect(commentView(row, versions)).toEqual({
      id: 41,
      submittedAt: row.submitted_at,
      counter: { code: 'demo-land', name: 'Quầy Đất đai' },
      unitName: 'Bộ phận Một cửa',
      sector: 'land',
      rating: 2,
      scale: 'scale5',
      satisfied: false,
      comment: 'Chờ lâu',
    });
  });

  it('gives no rating when the overall question went unanswered or the version has none, and no counter for an interview', () => {
    expect(commentView({ ...row, answers: { access_q: 5 } }, versions).rating).toBeNull();
    expect(commentView({ ...row, answers: { overall: null } }, versions).rating).toBeNull();
    expect(commentView({ ...row, survey_version_id: 9, answers: { overall: 4 } }, versions).rating).toBeNull();
    expect(commentView({ ...row, counter_code: null, counter_name: null }, versions).counter).toBeNull();
  });

  it('says the rating is on the 3-level scale when its version’s overall question is, so a 2 reads Hài lòng', () => {
    const three = [{ id: 12, definition: scale3Survey }];
    const view = commentView({ ...row, survey_version_id: 12, satisfied: true, answers: { overall: 2 } }, three);
    expect([view.rating, view.scale, view.satisfied]).toEqual([2, 'scale3', true]);
  });
});
