import { Step, Steps } from '@nutui/nutui-react-taro';
import { STAGES } from '@core/challenge-rules';
import './index.scss';

export type StageStepsProps = { stage: number };

/** 征榜 → 发榜 → 揭榜 → 评榜 → 夺榜, with the reached step highlighted. */
export function StageSteps({ stage }: StageStepsProps) {
  return (
    <Steps value={stage + 1} status='dynamic' className='kc-stage-steps'>
      {STAGES.map((title, index) => (
        <Step key={title} value={index + 1} title={title} />
      ))}
    </Steps>
  );
}
