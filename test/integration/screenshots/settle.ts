/**
 * Waits for the workbench to paint. Screenshots have no event to wait on, so the scenes pause
 * for a fixed time after their last step.
 */
export function settle(milliseconds = 1500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
