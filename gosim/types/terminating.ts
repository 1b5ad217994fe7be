// Terminating statements (spec "Terminating statements"), for "missing return".
import type * as ast from '../syntax/ast.ts';

export function isTerminatingList(list: ast.Stmt[], label: string): boolean {
  let i = list.length - 1;
  while (i >= 0 && list[i]!.kind === 'EmptyStmt') i--;
  return i >= 0 && isTerminating(list[i]!, label);
}

function isTerminating(s: ast.Stmt, label: string): boolean {
  switch (s.kind) {
    case 'ReturnStmt': return true;
    case 'BranchStmt': return s.tok === 'goto' || s.tok === 'fallthrough';
    case 'ExprStmt': {
      let x = s.x;
      while (x.kind === 'ParenExpr') x = x.x;
      return x.kind === 'CallExpr' && x.fun.kind === 'Ident' && x.fun.name === 'panic';
    }
    case 'BlockStmt': return isTerminatingList(s.list, '');
    case 'IfStmt': return !!s.else_ && isTerminatingList(s.body.list, '') && isTerminating(s.else_, '');
    case 'LabeledStmt': return isTerminating(s.stmt, s.label.name);
    case 'ForStmt': return !s.cond && !hasBreak(s.body, label, true);
    case 'SwitchStmt': case 'TypeSwitchStmt':
      return s.body.some((cl) => cl.list.length === 0)
        && s.body.every((cl) => isTerminatingList(cl.body, '') || endsInFallthrough(cl.body))
        && !s.body.some((cl) => cl.body.some((b) => hasBreak(b, label, true)));
    case 'SelectStmt':
      return s.body.every((cl) => isTerminatingList(cl.body, '')) && !s.body.some((cl) => cl.body.some((b) => hasBreak(b, label, true)));
    default: return false;
  }
}

function endsInFallthrough(list: ast.Stmt[]): boolean {
  const l = list[list.length - 1];
  return !!l && l.kind === 'BranchStmt' && l.tok === 'fallthrough';
}

/** Whether s contains a break that leaves the enclosing statement (unlabeled at this level, or to `label`). */
function hasBreak(s: ast.Stmt, label: string, top: boolean): boolean {
  switch (s.kind) {
    case 'BranchStmt': return s.tok === 'break' && ((s.label === null && top) || (!!s.label && s.label.name === label));
    case 'BlockStmt': return s.list.some((x) => hasBreak(x, label, top));
    case 'IfStmt': return hasBreak(s.body, label, top) || (!!s.else_ && hasBreak(s.else_, label, top));
    case 'LabeledStmt': return hasBreak(s.stmt, label, top);
    case 'CaseClause': case 'CommClause': return s.body.some((x) => hasBreak(x, label, top));
    case 'ForStmt': case 'RangeStmt': return !!label && hasBreak(s.body, label, false);
    case 'SwitchStmt': case 'TypeSwitchStmt': case 'SelectStmt':
      return !!label && (s.body as (ast.CaseClause | ast.CommClause)[]).some((cl) => cl.body.some((x) => hasBreak(x, label, false)));
    default: return false;
  }
}

