import { Step, Steps } from '@nutui/nutui-react-taro';
import { stageTitlesOf, type ChallengeStatus } from '@core/challenge-rules';
import './index.scss';

export type StageStepsProps = { stage: number; status: ChallengeStatus };

/** 征榜 → 发榜 → 揭榜 → 评榜 → 夺榜, with the reached step highlighted; a failed challenge ends at 未成功, shown plainly. */
export function StageSteps({ stage, status }: StageStepsProps) {
  const titles = stageTitlesOf(status);
  const failedStep = status === 'failed' ? titles.length - 1 : -1;
  return (
    <Steps value={stage + 1} status='dynamic' className='kc-stage-steps'>
      {titles.map((title, index) => (
        <Step key={title} value={index + 1} title={title} className={index === failedStep ? 'kc-stage-steps__failed' : undefined} />
      ))}
    </Steps>
  );
}
