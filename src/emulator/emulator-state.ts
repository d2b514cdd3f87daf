import type { DemoOrg } from './demo-org';
import { verifyDemoToken } from './demo-org';

/** A retry budget as the query returns it, or the two ways the query can find none. */
export type RetryBudgetValue =
  | number
  | string
  | null
  /** The field does not exist, as in managed packages that predate it: INVALID_FIELD. */
  | { readonly missingField: true }
  /** No Interface record matches the integration and interface names. */
  | { readonly noRecord: true };

/** The state of the default handlers: the org, accepted and rejected tokens, retry budgets. */
export class EmulatorState {
  /** Tokens accepted besides valid demo tokens, such as those from scripted token responses. */
  readonly acceptedTokens = new Set<string>();
  /** Tokens that were revoked or expired on purpose; they are rejected even if signed. */
  readonly rejectedTokens = new Set<string>();
  private readonly retryBudgets = new Map<string, RetryBudgetValue>();

  constructor(
    readonly org: DemoOrg,
    /** The budget of interfaces without their own entry. */
    public defaultRetryBudget: RetryBudgetValue = 0,
  ) {}

  /** Returns whether an API call with this bearer token runs or gets INVALID_SESSION_ID. */
  isSessionValid(token: string | undefined): boolean {
    if (token === undefined || this.rejectedTokens.has(token)) {
      return false;
    }
    return this.acceptedTokens.has(token) || verifyDemoToken(this.org, token) === 'valid';
  }

  setRetryBudget(integration: string, iface: string, value: RetryBudgetValue): void {
    this.retryBudgets.set(budgetKey(integration, iface), value);
  }

  retryBudget(integration: string, iface: string): RetryBudgetValue {
    return this.retryBudgets.get(budgetKey(integration, iface)) ?? this.defaultRetryBudget;
  }
}

function budgetKey(integration: string, iface: string): string {
  return `${integration}\u0000${iface}`;
}
