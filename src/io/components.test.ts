import { expect } from '@open-wc/testing';
import * as A from 'apache-arrow';
import { batchComponent, registerComponents } from '../store/components/index.js';
import { Recording } from '../store/recording.js';
import { dataframeToRows } from './arrow-dataframe.js';
import { readRrd } from './rrd.js';
import { toRrd } from './to-rrd.js';

describe('the component table', () => {
  it('a batch component writes N instances and reads back N, in order', async () => {
    registerComponents([
      batchComponent({
        key: 'TestPoints:radii',
        componentType: 'Radius',
        arrowType: (Arrow) => new Arrow.Float32(),
        write: (v) => Number(v),
        read: (v) => Number(v),
      }),
    ]);
    const rec = new Recording();
    rec.log('pts', { archetype: 'TestPoints', radii: [1, 2.5, 3] }, { time: { frame: 1 } });
    const { rows } = await readRrd(await toRrd(rec));
    expect(rows).to.have.length(1);
    expect(rows[0]!.components['TestPoints:radii']).to.deep.equal([1, 2.5, 3]);
  });

  it('an unknown component of N instances reads back as N, one instance as itself', () => {
    const list = new A.List(new A.Field('item', new A.Float32(), true));
    const table = new A.Table({
      '/e:Foo:many': A.vectorFromArray([[1, 2, 3]], list),
      '/e:Foo:one': A.vectorFromArray([[7]], list),
    });
    const [row] = dataframeToRows(table as never);
    expect(row!.components['Foo:many']).to.deep.equal([1, 2, 3]);
    expect(row!.components['Foo:one']).to.equal(7);
  });
});
