import App from '../../index';
import { templateListDropdown } from '../../src/dropdowns/template_list';
import templates from '../fixtures/templates.json';
import { API_KEY, API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

interface Handler {
  (event: object): Promise<{ results: unknown }>;
}

/**
 * core's handler as Zapier calls it for "load more", with a stand-in for z.cursor (the app
 * tester has none: core `create-rpc-client.js` mocks the cursor only with `cursorTestObj`).
 */
function dropdownLoads() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createAppHandler } = require('zapier-platform-core') as {
    createAppHandler: (app: object) => Handler;
  };
  const handler = createAppHandler(App);
  // core 19.1.0's stand-in stores `set_cursor(c)` as `obj[c] = null` and answers `get_cursor()`
  // with `obj[undefined]` (rpcCursorMock takes the cursor for the key), so it never hands a
  // cursor back. This store keeps what was set, as Zapier's RPC does.
  let cursor: string | null = null;
  const cursorTestObj = new Proxy<Record<string, unknown>>(
    {},
    {
      set: (_target, key) => {
        cursor = String(key);
        return true;
      },
      get: (_target, key) => (key === 'undefined' ? cursor : undefined),
    },
  );
  return async (page: number) =>
    (
      await handler({
        command: 'execute',
        method: 'triggers.template_list.operation.perform',
        storeKey: 'template-list-test',
        cursorTestObj,
        bundle: {
          authData: { api_key: API_KEY },
          inputData: {},
          meta: { page, isFillingDynamicDropdown: true },
        },
      })
    ).results;
}

const rejected = { ...templates.welcome, uuid: 'r1', status: 'rejected' };
const approved = (uuid: string, title: string) => ({ ...templates.welcome, uuid, title });

describe('template_list', () => {
  it('lists approved templates only, with a preview of their text', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/templates`)
      .query({ page: '1' })
      .reply(200, { templates: Object.values(templates), meta: { page: 1, pages: 1 } });
    await expect(fill(templateListDropdown)).resolves.toEqual([
      {
        id: templates.reminder.uuid,
        name: 'Appointment reminder: Hi {{1}}, this is a reminder of your {{2}} on {{3}}. Reply…',
      },
      {
        id: templates.order_shipped.uuid,
        name: 'Order shipped: Good news {{1}}! Your order is on its way.',
      },
      {
        id: templates.welcome.uuid,
        name: 'Welcome: Welcome to Example Shop! Ask us anything here.',
      },
    ]);
    scope.done();
  });

  it('does not end "load more" on a page without approved templates, nor repeat one', async () => {
    const page = (number: number, items: object[]) =>
      callbellApi()
        .get(`${API_PATH}/templates`)
        .query({ page: String(number) })
        .reply(200, { templates: items, meta: { page: number, pages: 4 } });
    const scope = page(1, [rejected]);
    page(2, [approved('a', 'Alpha'), rejected]);
    page(3, [rejected]);
    page(4, [approved('b', 'Beta')]);
    page(5, []);
    const load = dropdownLoads();
    const ids = async (dropdownPage: number) =>
      ((await load(dropdownPage)) as { id: string }[]).map((choice) => choice.id);
    expect(await ids(0)).toEqual(['a']);
    expect(await ids(1)).toEqual(['b']);
    expect(await ids(2)).toEqual([]);
    scope.done();
  });
});
