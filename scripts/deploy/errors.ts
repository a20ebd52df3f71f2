/** A problem the user fixes before deploying: its message is shown as it is. */
export class DeployError extends Error {}

/** A management-API call that failed: deploy stops there, naming the step. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly cause: unknown,
  ) {
    super(`部署在「${step}」这一步失败：${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
