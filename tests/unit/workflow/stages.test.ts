import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/content/model';
import {
  entryStage,
  mayActAtStage,
  nextStage,
  requiredRoundsToPublish,
  resumeAfterReturn,
  roundLabel,
  roundsShortfall,
  stageAt,
  stageConfigProblems,
  standingPasses,
  type PassDecision,
  type ReviewStage,
} from '@/lib/workflow';

// The rules of 三审三校, written out from the issue: who may act at a stage, where a case goes next,
// where a resubmission enters, and which configurations are refused.

const stage = (position: number, name: string, over: Partial<ReviewStage> = {}): ReviewStage => ({
  position,
  name,
  roles: ['reviewer', 'admin'],
  userIds: [],
  requiredRounds: 0,
  returnRestarts: true,
  ...over,
});
const THREE = [stage(1, '初审'), stage(2, '复审'), stage(3, '终审', { requiredRounds: 1 })];

const ME = 1;
const EDITOR = 2;
const OTHER = 3;
const me = (role: Role = 'reviewer') => ({ id: ME, role });
const noFacts = { contributorIds: [EDITOR], passes: [] };

describe('who may act at a stage', () => {
  it('anyone whose role the stage lists, and nobody else', () => {
    expect(mayActAtStage(THREE[0]!, me('reviewer'), noFacts)).toEqual({ ok: true });
    expect(mayActAtStage(THREE[0]!, me('admin'), noFacts)).toEqual({ ok: true });
    const adminsOnly = stage(3, '终审', { roles: ['admin'] });
    expect(mayActAtStage(adminsOnly, me('reviewer'), noFacts)).toMatchObject({ ok: false, kind: 'not_assigned', reason: expect.stringContaining('终审') });
  });

  it('a named user may act at a stage whose roles leave them out', () => {
    const named = stage(3, '终审', { roles: [], userIds: [ME] });
    expect(mayActAtStage(named, me('reviewer'), noFacts)).toEqual({ ok: true });
    expect(mayActAtStage(named, { id: OTHER, role: 'reviewer' }, noFacts)).toMatchObject({ ok: false, kind: 'not_assigned' });
  });

  it('an editor is never a reviewer at a stage, even when named or when the role is listed', () => {
    const odd = stage(1, '初审', { roles: ['editor'], userIds: [ME] });
    expect(mayActAtStage(odd, me('editor'), noFacts)).toMatchObject({ ok: false, kind: 'not_assigned' });
  });

  it('nobody acts on text they wrote, admins included', () => {
    for (const role of ['reviewer', 'admin'] as const) {
      expect(mayActAtStage(THREE[1]!, me(role), { contributorIds: [EDITOR, ME], passes: [] })).toMatchObject({ ok: false, kind: 'wrote_text', reason: expect.stringContaining('自己撰写') });
    }
  });

  it('one person cannot pass the same revision at two stages', () => {
    const passes = [{ stage: 1, stageName: '初审', actorId: ME }];
    const verdict = mayActAtStage(THREE[1]!, me(), { contributorIds: [EDITOR], passes });
    expect(verdict).toEqual({ ok: false, kind: 'acted_at_other_stage', reason: '你已在“初审”通过了这一版，“复审”需由其他人审核。' });
    expect(mayActAtStage(THREE[1]!, { id: OTHER, role: 'reviewer' }, { contributorIds: [EDITOR], passes })).toEqual({ ok: true });
  });
});

describe('where a case goes', () => {
  it('advances stage by stage; the last stage has no next one', () => {
    expect(nextStage(THREE, 1)?.name).toBe('复审');
    expect(nextStage(THREE, 2)?.name).toBe('终审');
    expect(nextStage(THREE, 3)).toBeNull();
    expect(nextStage([stage(1, '审核')], 1)).toBeNull();
  });

  it('a submission enters at stage 1, or at the stage that returned it when that stage does not restart', () => {
    expect(entryStage(THREE, null, [])).toBe(1);
    expect(entryStage(THREE, 3, [])).toBe(3);
    expect(resumeAfterReturn(THREE[2]!)).toBeNull();
    expect(resumeAfterReturn(stage(3, '终审', { returnRestarts: false }))).toBe(3);
    // Stage 1 returning always means stage 1 next.
    expect(resumeAfterReturn(stage(1, '初审', { returnRestarts: false }))).toBeNull();
  });

  it('an unchanged revision put forward again goes on past the stages it already passed, and nowhere when it passed them all', () => {
    expect(entryStage(THREE, null, [1])).toBe(2);
    expect(entryStage(THREE, null, [1, 2])).toBe(3);
    expect(entryStage(THREE, null, [2])).toBe(1);
    expect(entryStage([stage(1, '审核')], null, [1])).toBeNull();
  });

  it('a resume stage past the configured ones enters at the last stage', () => {
    expect(entryStage([stage(1, '初审'), stage(2, '终审')], 3, [])).toBe(2);
    expect(stageAt([stage(1, '初审'), stage(2, '终审')], 3).name).toBe('终审');
  });
});

describe('the passes that stand for a case', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));
  const pass = (stage: number, actorId: number, revisionId: number, minute: number): PassDecision => ({ stage, stageName: THREE[stage - 1]!.name, actorId, revisionId, at: at(minute) });

  it('are the latest pass of each stage before the one the case waits at', () => {
    const decisions = [pass(1, ME, 10, 1), pass(2, OTHER, 10, 2), pass(1, 7, 11, 3)];
    expect(standingPasses(decisions, 2).map((p) => [p.stage, p.actorId, p.revisionId])).toEqual([[1, 7, 11]]);
    expect(standingPasses(decisions, 3).map((p) => [p.stage, p.actorId])).toEqual([
      [1, 7],
      [2, OTHER],
    ]);
    expect(standingPasses(decisions, 1)).toEqual([]);
  });
});

describe('校次', () => {
  it('a stage that requires rounds says how many are missing', () => {
    expect(roundsShortfall(THREE[2]!, 0)).toBe('终审前需要完成1次校对（已完成0次）');
    expect(roundsShortfall(THREE[2]!, 1)).toBeNull();
    expect(roundsShortfall(THREE[0]!, 0)).toBeNull();
  });
  it('publishing needs the most any stage requires', () => {
    expect(requiredRoundsToPublish(THREE)).toBe(1);
    expect(requiredRoundsToPublish([stage(1, '初审', { requiredRounds: 2 }), stage(2, '终审', { requiredRounds: 1 })])).toBe(2);
    expect(requiredRoundsToPublish([stage(1, '审核')])).toBe(0);
  });
  it('rounds are named 一校, 二校, 三校', () => {
    expect([1, 2, 3].map(roundLabel)).toEqual(['一校', '二校', '三校']);
  });
});

describe('a stage configuration', () => {
  it('is fine with one to three distinct stages someone can act at', () => {
    expect(stageConfigProblems(THREE)).toEqual([]);
    expect(stageConfigProblems([stage(1, '审核')])).toEqual([]);
  });
  it('is refused with no stage, more than three, a repeated name, a stage nobody can act at, or more than three rounds', () => {
    expect(stageConfigProblems([])).toEqual(['至少需要一个审核环节。']);
    expect(stageConfigProblems([...THREE, stage(4, '四审')])).toContain('审核环节不超过3个。');
    expect(stageConfigProblems([stage(1, '初审'), stage(2, '初审')])).toEqual(['审核环节的名称不能重复：初审。']);
    expect(stageConfigProblems([stage(1, '初审', { roles: [], userIds: [] })])).toEqual(['“初审”没有指定任何角色或人员，没有人能在这一环节审核。']);
    expect(stageConfigProblems([stage(1, '初审', { requiredRounds: 4 })])).toEqual(['“初审”要求的校次应在0到3次之间。']);
  });
});
