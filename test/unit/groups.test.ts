import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGroup, deleteGroup, GroupRenames, Layout, MAX_GROUPS, moveAmongSiblings, moveGroup, moveInto, renameGroup, restoreGroup, sanitizeLayout, validateGroupName, validateNewGroupName } from '../../src/core/model/groups';
import { TrackedIdentifier } from '../../src/core/model/trackedList';

const row = (id: string, group?: string): TrackedIdentifier => (group === undefined ? { id, kind: 'plyrId' } : { id, kind: 'plyrId', group });

/** a, b in Team; c at the top; d in Team; e in Ops. Manual order a b c d e. */
const LAYOUT: Layout = { list: [row('aaaa', 'Team'), row('bbbb', 'Team'), row('cccc'), row('dddd', 'Team'), row('eeee', 'Ops')], groups: ['Team', 'Ops', 'Empty'] };

/** The layout as [id, group] pairs, to read failures at a glance. */
const pairs = (layout: Layout) => layout.list.map((t) => `${t.id}:${t.group ?? '-'}`);

describe('group names', () => {
  it('are checked like labels, must not be empty and are unique whatever their case', () => {
    assert.deepEqual(validateGroupName('  Team   wallets ', []), { ok: true, value: 'Team wallets' });
    for (const [raw, pattern] of [
      ['', /needs a name/],
      ['   ', /needs a name/],
      [undefined, /needs a name/],
      [42, /^A group name must be text, not a number/],
      ['x'.repeat(61), /^A group name has at most 60 characters/],
      ['evil\u202egroup', /^A group name cannot contain/],
      ['team', /There is a group named 'team' already/],
    ] as const) {
      const result = validateGroupName(raw, ['Team']);
      assert.equal(result.ok, false, JSON.stringify(raw));
      assert.match(result.ok ? '' : result.message, pattern);
    }
    assert.equal(validateGroupName('TEAM', ['Team'], 'Team').ok, true, 'renaming a group to itself, in another case');
  });

  it("of the user's new groups are not the Workspace group's, whatever their case; stored ones are kept", () => {
    for (const name of ['Workspace', ' workspace ', 'WORKSPACE']) {
      const created = createGroup({ list: [], groups: [] }, name);
      assert.match(created.ok ? '' : created.message, /'[Ww][Oo][Rr][Kk][Ss][Pp][Aa][Cc][Ee]' is the name of the workspace's watch-list: choose another\./, name);
      const renamed = renameGroup({ list: [], groups: ['Team'] }, 'Team', name);
      assert.equal(renamed.ok, false, name);
    }
    assert.equal(validateNewGroupName('Workspace wallets', []).ok, true, 'only the name itself');
    assert.deepEqual(sanitizeLayout([], ['Workspace']).groups, ['Workspace'], 'a group stored by an earlier version stays');
  });

  it('are capped', () => {
    const full: Layout = { list: [], groups: Array.from({ length: MAX_GROUPS }, (_, i) => `g${i}`) };
    const result = createGroup(full, 'one more');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /at most 200 groups/);
  });
});

describe('groups of the list', () => {
  it('are created at the end, empty', () => {
    const created = createGroup(LAYOUT, ' New ');
    assert.ok(created.ok);
    assert.deepEqual(created.value.layout.groups, ['Team', 'Ops', 'Empty', 'New']);
    assert.equal(created.value.layout.list, LAYOUT.list);
  });

  it('are renamed with their members, in place', () => {
    const renamed = renameGroup(LAYOUT, 'Team', 'Players');
    assert.ok(renamed.ok);
    assert.deepEqual(renamed.value.groups, ['Players', 'Ops', 'Empty']);
    assert.deepEqual(pairs(renamed.value), ['aaaa:Players', 'bbbb:Players', 'cccc:-', 'dddd:Players', 'eeee:Ops']);
    assert.equal(renameGroup(LAYOUT, 'Team', 'ops').ok, false, 'not onto another group');
  });

  it('are deleted with their members moved to the top level, in order; undo puts everything back', () => {
    const { layout, deleted } = deleteGroup(LAYOUT, 'Team');
    assert.deepEqual(layout.groups, ['Ops', 'Empty']);
    assert.deepEqual(pairs(layout), ['aaaa:-', 'bbbb:-', 'cccc:-', 'dddd:-', 'eeee:Ops']);
    assert.ok(!('group' in layout.list[0]), 'no group key left behind');
    assert.deepEqual(restoreGroup(layout, deleted), LAYOUT);
  });

  it('undo of a delete leaves a member the user moved since where they put it', () => {
    const { layout, deleted } = deleteGroup(LAYOUT, 'Team');
    const moved = moveInto(layout, ['bbbb'], { group: 'Ops' });
    const restored = restoreGroup(moved, deleted);
    assert.deepEqual(restored.groups, ['Team', 'Ops', 'Empty']);
    assert.deepEqual(pairs(restored).sort(), ['aaaa:Team', 'bbbb:Ops', 'cccc:-', 'dddd:Team', 'eeee:Ops'].sort());
  });

  it('undo of a delete into a list that has 200 groups again leaves it as it is, never a 201st', () => {
    const { layout, deleted } = deleteGroup(LAYOUT, 'Team');
    const full = { ...layout, groups: [...layout.groups, ...Array.from({ length: MAX_GROUPS - layout.groups.length }, (_, i) => `G${i}`)] };
    assert.equal(restoreGroup(full, deleted), full);
    const renamedBack = { ...full, groups: ['team', ...full.groups.slice(1)] };
    assert.ok(restoreGroup(renamedBack, deleted).list.some((t) => t.group === 'team'), 'a group of that name since: its members go back into it');
  });

  it('move identifiers into a group at its end, before a row (into its group), or to the top level', () => {
    // e (in Ops) shows above c (at the top level): it stays above.
    assert.deepEqual(pairs(moveInto(LAYOUT, ['cccc', 'eeee'], { group: 'Team' })), ['aaaa:Team', 'bbbb:Team', 'dddd:Team', 'eeee:Team', 'cccc:Team']);
    assert.deepEqual(pairs(moveInto(LAYOUT, ['eeee'], { before: 'bbbb' })), ['aaaa:Team', 'eeee:Team', 'bbbb:Team', 'cccc:-', 'dddd:Team']);
    assert.deepEqual(pairs(moveInto(LAYOUT, ['aaaa'], { before: 'cccc' })), ['bbbb:Team', 'aaaa:-', 'cccc:-', 'dddd:Team', 'eeee:Ops']);
    assert.deepEqual(pairs(moveInto(LAYOUT, ['aaaa'], { group: undefined })), ['bbbb:Team', 'cccc:-', 'dddd:Team', 'eeee:Ops', 'aaaa:-']);
    assert.deepEqual(pairs(moveInto(LAYOUT, ['cccc'], { group: 'Empty' })), ['aaaa:Team', 'bbbb:Team', 'dddd:Team', 'eeee:Ops', 'cccc:Empty']);
  });

  it('move rows in the order the view shows them, not the order they were selected in (as the Explorer moves files)', () => {
    assert.deepEqual(pairs(moveInto(LAYOUT, ['dddd', 'aaaa'], { group: 'Ops' })), ['bbbb:Team', 'cccc:-', 'eeee:Ops', 'aaaa:Ops', 'dddd:Ops']);
    // From several places: a group's rows show above the top level's, and Team above Ops.
    assert.deepEqual(pairs(moveInto(LAYOUT, ['cccc', 'eeee', 'aaaa'], { group: 'Empty' })), ['bbbb:Team', 'dddd:Team', 'aaaa:Empty', 'eeee:Empty', 'cccc:Empty']);
    assert.deepEqual(pairs(moveInto(LAYOUT, ['cccc', 'eeee'], { before: 'bbbb' })), ['aaaa:Team', 'eeee:Team', 'cccc:Team', 'bbbb:Team', 'dddd:Team']);
  });

  it('ignore moves to nowhere: an unknown group or row, a row onto itself, unknown identifiers', () => {
    assert.equal(moveInto(LAYOUT, ['aaaa'], { group: 'Nope' }), LAYOUT);
    assert.equal(moveInto(LAYOUT, ['aaaa'], { before: 'zzzz' }), LAYOUT);
    assert.deepEqual(moveInto(LAYOUT, ['aaaa'], { before: 'aaaa' }), LAYOUT);
    assert.deepEqual(moveInto(LAYOUT, ['zzzz'], { group: 'Team' }).list, LAYOUT.list);
  });

  it('move an identifier given twice once (a selection with its Workspace copy gave it twice, and it was stored twice)', () => {
    assert.deepEqual(pairs(moveInto(LAYOUT, ['cccc', 'cccc'], { group: 'Ops' })), ['aaaa:Team', 'bbbb:Team', 'dddd:Team', 'eeee:Ops', 'cccc:Ops']);
  });

  it('move one place up or down among the rows shown beside it', () => {
    // d is below b in Team (c, at the top level, is between them in the list).
    assert.deepEqual(pairs({ ...LAYOUT, list: moveAmongSiblings(LAYOUT.list, 'dddd', -1) }), ['aaaa:Team', 'dddd:Team', 'bbbb:Team', 'cccc:-', 'eeee:Ops']);
    assert.equal(moveAmongSiblings(LAYOUT.list, 'aaaa', -1), LAYOUT.list, 'first of its group');
    assert.equal(moveAmongSiblings(LAYOUT.list, 'cccc', 1), LAYOUT.list, 'the only one at the top level');
    assert.deepEqual(moveGroup(LAYOUT.groups, 'Ops', -1), ['Ops', 'Team', 'Empty']);
    assert.equal(moveGroup(LAYOUT.groups, 'Empty', 1), LAYOUT.groups);
  });

  it('are read back from storage defensively: bad names dropped, groups that rows name kept', () => {
    const list = [row('aaaa', 'team'), row('bbbb', 'Lost'), row('cccc', 'bad\u0000name')];
    const layout = sanitizeLayout(list, ['Team', 'Team', '', 7, 'x'.repeat(61), 'Ops']);
    assert.deepEqual(layout.groups, ['Team', 'Ops', 'Lost']);
    assert.deepEqual(pairs(layout), ['aaaa:Team', 'bbbb:Lost', 'cccc:-']);
    assert.deepEqual(sanitizeLayout([], 'not a list').groups, []);
  });

  it('keep each identifier once, the first, whatever an edit hands them', () => {
    assert.deepEqual(pairs(sanitizeLayout([row('aaaa', 'Team'), row('bbbb', undefined), row('aaaa', 'Ops')], ['Team', 'Ops'])), ['aaaa:Team', 'bbbb:-']);
  });
});

describe('GroupRenames', () => {
  it('follows every rename made after the mark, in order, and no other', () => {
    const renames = new GroupRenames();
    renames.renamed('Old', 'Before the mark');
    const mark = renames.mark;
    assert.equal(renames.since(mark, 'Team'), 'Team', 'nothing renamed since');
    renames.renamed('Team', 'Players');
    renames.renamed('Players', 'Squad');
    renames.renamed('Other', 'Else');
    assert.equal(renames.since(mark, 'Team'), 'Squad');
    assert.equal(renames.since(mark, 'Old'), 'Old', 'a rename before the mark is not followed');
    // A new group given the old name later is another group: the row follows its own.
    renames.renamed('Team', 'Newcomers');
    assert.equal(renames.since(mark, 'Team'), 'Squad');
    assert.equal(renames.since(renames.mark - 1, 'Team'), 'Newcomers');
  });
});
