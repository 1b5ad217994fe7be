// Label, goto, break, continue and fallthrough checks. Go does these in the compiler's
// parser rather than its type checker, so gosim runs them right after each function body,
// but they are a tree walk, not grammar, and read best on their own.
import type * as ast from './ast.ts';
import { exprString } from './walk.ts';
import { type Pos } from './base.ts';

interface LabelInfo {
  block: BranchBlock;
  stmt: ast.LabeledStmt;
  used: boolean;
}

interface BranchBlock {
  parent: BranchBlock | null;
  start: Pos;
  /** The labeled statement that owns this block, if any (the target of `break L`). */
  lstmt: ast.LabeledStmt | null;
}

interface BranchTargets {
  breaks: ast.Stmt | null;
  continues: ast.Stmt | null;
  /** Index of the enclosing switch case, or -1. */
  caseIndex: number;
}

/**
 * Go's compiler checks labels, goto, break, continue and fallthrough while parsing (not in
 * the type checker), with these exact messages; gosim does the same per function body.
 */
export function checkBranches(body: ast.BlockStmt, filename: string, report: (pos: Pos, msg: string) => void): void {
  const labels = new Map<string, LabelInfo>();
  const where = (p: Pos): string => `./${filename}:${p.line}:${p.col}`;

  const declare = (b: BranchBlock, s: ast.LabeledStmt): LabelInfo => {
    const name = s.label.name;
    const alt = labels.get(name);
    if (alt) {
      report(s.label.pos, `label ${name} already defined at ${where(alt.stmt.label.pos)}`);
      return alt;
    }
    const l = { block: b, stmt: s, used: false };
    labels.set(name, l);
    return l;
  };

  const gotoTarget = (b: BranchBlock | null, name: string): ast.LabeledStmt | null => {
    const l = labels.get(name);
    if (!l) return null;
    l.used = true;
    for (; b; b = b.parent) if (l.block === b) return l.stmt;
    return null;
  };

  /** The enclosing labeled statement named `name`: undefined if no such label, null if not enclosing. */
  const enclosingTarget = (b: BranchBlock | null, name: string): ast.LabeledStmt | null | undefined => {
    const l = labels.get(name);
    if (!l) return undefined;
    l.used = true;
    for (; b; b = b.parent) if (l.stmt === b.lstmt) return l.stmt;
    return null;
  };

  const blockBranches = (
    parent: BranchBlock | null,
    ctxt: BranchTargets,
    lstmtIn: ast.LabeledStmt | null,
    start: Pos,
    list: ast.Stmt[],
  ): ast.BranchStmt[] => {
    const b: BranchBlock = { parent, start, lstmt: lstmtIn };
    let varPos: Pos | null = null;
    let varName = '';
    let fwdGotos: ast.BranchStmt[] = [];
    let badGotos: ast.BranchStmt[] = [];
    const recordVarDecl = (pos: Pos, name: string): void => {
      varPos = pos;
      varName = name;
      badGotos = fwdGotos.slice();
    };
    const inner = (t: BranchTargets, lstmt: ast.LabeledStmt | null, st: Pos, body: ast.Stmt[]): void => {
      for (const g of blockBranches(b, t, lstmt, st, body)) fwdGotos.push(g);
    };

    let n = list.length;
    while (n > 0 && list[n - 1]!.kind === 'EmptyStmt') n--;
    for (let idx = 0; idx < n; idx++) {
      let stmt = list[idx]!;
      let lstmt: ast.LabeledStmt | null = null;
      while (stmt.kind === 'LabeledStmt') {
        const s = stmt;
        const name = s.label.name;
        if (name !== '_') {
          const l = declare(b, s);
          const keep: ast.BranchStmt[] = [];
          for (const fwd of fwdGotos) {
            if (fwd.label!.name === name) {
              l.used = true;
              if (varPos && badGotos.includes(fwd)) {
                report(fwd.label!.pos, `goto ${name} jumps over declaration of ${varName} at ${where(varPos)}`);
              }
            } else keep.push(fwd);
          }
          fwdGotos = keep;
          lstmt = s;
        }
        stmt = s.stmt;
      }
      switch (stmt.kind) {
        case 'DeclStmt': {
          const d = stmt.decl;
          const v = d.tok === 'var' ? d.specs[0] : undefined;
          if (v && v.kind === 'ValueSpec') recordVarDecl(v.pos, v.names[0]!.name);
          break;
        }
        case 'AssignStmt':
          if (stmt.op === ':=') recordVarDecl(stmt.opPos, stmt.lhs.map(exprString).join(', '));
          break;
        case 'BranchStmt': {
          const s = stmt;
          if (!s.label) {
            if (s.tok === 'break') {
              if (!ctxt.breaks) report(s.pos, 'break is not in a loop, switch, or select');
            } else if (s.tok === 'continue') {
              if (!ctxt.continues) report(s.pos, 'continue is not in a loop');
            } else if (s.tok === 'fallthrough') {
              let msg: string | null = 'fallthrough statement out of place';
              const t = ctxt.breaks;
              if (t && t.kind === 'TypeSwitchStmt') msg = 'cannot fallthrough in type switch';
              else if (t && t.kind === 'SwitchStmt') {
                if (ctxt.caseIndex < 0 || idx + 1 < n) {
                  // not the last statement of a case: out of place
                } else if (ctxt.caseIndex + 1 === t.body.length) msg = 'cannot fallthrough final case in switch';
                else msg = null;
              }
              if (msg) report(s.pos, msg);
            }
            break;
          }
          const name = s.label.name;
          if (s.tok === 'break') {
            const t = enclosingTarget(b, name);
            if (t === undefined) report(s.label.pos, `break label not defined: ${name}`);
            else {
              const k = t?.stmt.kind;
              if (k !== 'SwitchStmt' && k !== 'TypeSwitchStmt' && k !== 'SelectStmt' && k !== 'ForStmt' && k !== 'RangeStmt') {
                report(s.label.pos, `invalid break label ${name}`);
              }
            }
          } else if (s.tok === 'continue') {
            const t = enclosingTarget(b, name);
            if (t === undefined) report(s.label.pos, `continue label not defined: ${name}`);
            else {
              const k = t?.stmt.kind;
              if (k !== 'ForStmt' && k !== 'RangeStmt') report(s.label.pos, `invalid continue label ${name}`);
            }
          } else if (s.tok === 'goto') {
            if (!gotoTarget(b, name)) fwdGotos.push(s);
          }
          break;
        }
        case 'BlockStmt':
          inner({ breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 }, lstmt, stmt.pos, stmt.list);
          break;
        case 'IfStmt': {
          const t = { breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 };
          inner(t, lstmt, stmt.body.pos, stmt.body.list);
          if (stmt.else_) inner(t, lstmt, stmt.else_.pos, [stmt.else_]);
          break;
        }
        case 'ForStmt': case 'RangeStmt':
          inner({ breaks: stmt, continues: stmt, caseIndex: -1 }, lstmt, stmt.body.pos, stmt.body.list);
          break;
        case 'SwitchStmt': case 'TypeSwitchStmt': {
          const s = stmt;
          s.body.forEach((cc, i) => {
            inner({ breaks: s, continues: ctxt.continues, caseIndex: i }, lstmt, cc.pos, cc.body);
          });
          break;
        }
        case 'SelectStmt':
          for (const cc of stmt.body) inner({ breaks: stmt, continues: ctxt.continues, caseIndex: -1 }, lstmt, cc.pos, cc.body);
          break;
      }
    }
    return fwdGotos;
  };

  const fwd = blockBranches(null, { breaks: null, continues: null, caseIndex: -1 }, null, body.pos, body.list);
  for (const g of fwd) {
    const name = g.label!.name;
    const l = labels.get(name);
    if (l) {
      l.used = true;
      report(g.label!.pos, `goto ${name} jumps into block starting at ${where(l.block.start)}`);
    } else report(g.label!.pos, `label ${name} not defined`);
  }
  for (const l of labels.values()) {
    if (!l.used) report(l.stmt.label.pos, `label ${l.stmt.label.name} defined and not used`);
  }
}
