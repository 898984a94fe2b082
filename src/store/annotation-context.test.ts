import { expect } from '@open-wc/testing';
import {
  AnnotationContextError,
  parseAnnotationContext,
  parseColor,
  premultiplyGamma,
  resolveClass,
  resolveClassColor,
} from './annotation-context.js';

describe('parseAnnotationContext', () => {
  it("reads every class entry form Rerun's Python SDK accepts", () => {
    const context = parseAnnotationContext([
      3,
      [4, 'four'],
      [5, 'five', [1, 2, 3]],
      { id: 6, label: 'six', color: '#010203' },
      {
        info: { id: 7, label: 'seven' },
        keypointAnnotations: [[0, 'nose', 'red'], 1],
        keypointConnections: [[0, 1]],
      },
      {
        info: 8,
        keypoint_annotations: [{ id: 2 }],
        keypoint_connections: [{ keypoint0: 2, keypoint1: 2 }],
      },
    ]);
    expect([...context.classes.keys()]).to.deep.equal([3, 4, 5, 6, 7, 8]);
    expect(context.classes.get(3)!.info).to.deep.equal({ id: 3 });
    expect(context.classes.get(4)!.info).to.deep.equal({ id: 4, label: 'four' });
    expect(context.classes.get(5)!.info).to.deep.equal({
      id: 5,
      label: 'five',
      color: [1, 2, 3, 255],
    });
    expect(context.classes.get(6)!.info).to.deep.equal({
      id: 6,
      label: 'six',
      color: [1, 2, 3, 255],
    });
    const seven = context.classes.get(7)!;
    expect(seven.keypoints).to.deep.equal([
      { id: 0, label: 'nose', color: [255, 0, 0, 255] },
      { id: 1 },
    ]);
    expect(seven.connections).to.deep.equal([[0, 1]]);
    expect(context.classes.get(8)!.connections).to.deep.equal([[2, 2]]);
  });

  it('reads a bare ClassDescription as a context with one class', () => {
    const context = parseAnnotationContext({
      info: [0, 'Snake'],
      keypointAnnotations: [],
      keypointConnections: [],
    });
    expect(context.classes.get(0)!.info.label).to.equal('Snake');
  });

  it('reads every colour form', () => {
    expect(parseColor([255, 0, 0])).to.deep.equal([255, 0, 0, 255]);
    expect(parseColor([255, 0, 0, 10])).to.deep.equal([255, 0, 0, 10]);
    expect(parseColor([1, 0.5, 0])).to.deep.equal([255, 128, 0, 255]);
    expect(parseColor('#f00')).to.deep.equal([255, 0, 0, 255]);
    expect(parseColor('#ff000080')).to.deep.equal([255, 0, 0, 128]);
    expect(parseColor('#00FF00')).to.deep.equal([0, 255, 0, 255]);
    expect(parseColor('rebeccapurple')).to.deep.equal([102, 51, 153, 255]);
    // Names that equal either probe colour, and a name in capitals.
    expect(parseColor('black')).to.deep.equal([0, 0, 0, 255]);
    expect(parseColor('White')).to.deep.equal([255, 255, 255, 255]);
    expect(parseColor('cornflowerblue')).to.deep.equal([100, 149, 237, 255]);
    for (const notAName of ['notacolour', 'inherit', 'currentcolor', 'rgb(1,2,3)']) {
      expect(() => parseColor(notAName), notAName).to.throw(
        AnnotationContextError,
        'expected a colour',
      );
    }
    expect(parseColor('Transparent')).to.deep.equal([0, 0, 0, 0]);
    expect(parseColor(0xff000080)).to.deep.equal([255, 0, 0, 128]);
  });

  it('names the bad entry in its errors', () => {
    const bad = (value: unknown) => {
      try {
        parseAnnotationContext(value);
      } catch (error) {
        expect(error).to.be.instanceOf(AnnotationContextError);
        return (error as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(
      bad([
        [1, 'ok'],
        [2, 'bad', 'nocolour'],
      ]),
    ).to.match(/^class entry 1 \(\[2,"bad","nocolour"\]\): expected a colour .*got "nocolour"/);
    expect(bad([[-1, 'neg']])).to.match(/class entry 0 .*non-negative integer, got -1/);
    expect(
      bad([
        {
          info: { id: 1 },
          keypointAnnotations: [
            [0, 'a'],
            [1, 2],
          ],
        },
      ]),
    ).to.match(/class entry 0 .*keypoint 1: expected a text label, got 2/);
    expect(bad([[1, 'x', [300, 0, 0]]])).to.match(/got \[300,0,0\]/);
    expect(bad('nope')).to.match(/expected an annotation context as a list of classes, got "nope"/);
  });
});

describe('resolveClassColor', () => {
  const context = parseAnnotationContext([
    [1, 'red', [255, 0, 0]],
    [2, 'no colour'],
  ]);
  it('uses the annotated colour, else the auto colour of info.id, else of the id (SPEC §3.2)', () => {
    expect(resolveClassColor(context, 1)).to.deep.equal([255, 0, 0, 255]);
    expect(resolveClass(context, 2)).to.deep.equal({
      label: 'no colour',
      color: [154, 188, 77, 255],
      auto: true,
    });
    expect(resolveClass(context, 0)).to.deep.equal({
      label: undefined,
      color: [188, 77, 77, 255],
      auto: true,
    });
    expect(resolveClassColor(undefined, 1)).to.deep.equal([77, 123, 188, 255]);
  });

  it("premultiplies in gamma space like egui's Color32", () => {
    expect(premultiplyGamma([255, 100, 0, 128])).to.deep.equal([128, 50, 0, 128]);
    expect(premultiplyGamma([255, 100, 0, 0])).to.deep.equal([0, 0, 0, 0]);
    expect(premultiplyGamma([255, 100, 0, 255])).to.deep.equal([255, 100, 0, 255]);
  });
});
