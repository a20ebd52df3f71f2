import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { Canvas as F2Canvas } from './f2';

/** What the platform hands back for a `type='2d'` canvas: a DOM canvas in H5, a Canvas node in WeChat. */
type CanvasNode = {
  width: number;
  height: number;
  getContext?: (type: '2d') => CanvasRenderingContext2D | null;
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
};
type Found = { node: CanvasNode; width: number; height: number };

function pixelRatio(): number {
  try {
    return Taro.getSystemInfoSync().pixelRatio || 2;
  } catch {
    return 2;
  }
}

/** The canvas node and its laid-out size, or null where there is none (the weapp test tier, jsdom). */
function findCanvas(id: string): Promise<Found | null> {
  return new Promise((resolve) => {
    try {
      // A query needs a page to look in (H5 throws later, out of reach, without one).
      if (!Taro.getCurrentInstance()?.page) {
        resolve(null);
        return;
      }
      const query = Taro.createSelectorQuery();
      query.select(`#${id}`).fields({ node: true });
      query.select(`#${id}`).boundingClientRect();
      query.exec((results: unknown[] | null) => {
        const [nodeResult, rect] = (results ?? []) as [{ node?: CanvasNode } | null, { width?: number; height?: number } | null];
        const node = nodeResult?.node;
        const width = rect?.width ?? 0;
        const height = rect?.height ?? 0;
        resolve(node && typeof node.getContext === 'function' && width > 0 && height > 0 ? { node, width, height } : null);
      });
    } catch {
      resolve(null);
    }
  });
}

/** WeChat has no DOM to measure text with: F2 gets an offscreen 2D canvas for that. */
function platformOptions(node: CanvasNode): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'weapp') return {};
  return {
    offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }),
    requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame?.(callback),
    cancelAnimationFrame: (handle: number) => node.cancelAnimationFrame?.(handle),
  };
}

export type ChartCanvasProps = {
  id: string;
  /** What the picture shows, in words, for screen readers (the numbers are beside it too). */
  label: string;
  height: number;
  /** The F2 element to draw; null draws nothing. */
  chart: unknown;
};

/**
 * Draws an F2 chart once the canvas is laid out, and again when the chart changes. Where no 2D
 * context can be had, or F2 fails, nothing is drawn: every chart's numbers are shown beside it.
 */
export function ChartCanvas({ id, label, height, chart }: ChartCanvasProps) {
  useEffect(() => {
    if (!chart) return undefined;
    let drawn: F2Canvas | null = null;
    let gone = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const draw = (found: Found) => {
      const ratio = pixelRatio();
      found.node.width = found.width * ratio;
      found.node.height = found.height * ratio;
      const context = found.node.getContext?.('2d');
      if (!context) return;
      drawn = new F2Canvas({
        context,
        pixelRatio: ratio,
        width: found.width,
        height: found.height,
        animate: false,
        children: chart,
        ...platformOptions(found.node),
      });
      void Promise.resolve(drawn.render()).catch(() => undefined);
    };
    // After the view has the canvas (Taro.nextTick waits for the page's update); once more a little later if not yet.
    const attempt = (left: number) =>
      void findCanvas(id).then((found) => {
        if (gone) return;
        if (!found) {
          if (left > 0) retry = setTimeout(() => attempt(left - 1), 300);
          return;
        }
        try {
          draw(found);
        } catch {
          drawn = null;
        }
      });
    Taro.nextTick(() => attempt(1));
    return () => {
      gone = true;
      clearTimeout(retry);
      try {
        drawn?.destroy();
      } catch {
        // A canvas already taken down with its page.
      }
    };
  }, [id, chart]);

  // The picture is named as one image; the canvas inside has nothing more to say.
  return (
    <View ariaRole='img' ariaLabel={label}>
      <Canvas type='2d' id={id} className='kc-chart__canvas' style={{ height: `${height}px` }} />
    </View>
  );
}
