import { templateList } from '../../src/dropdowns/template_list';
import templates from '../fixtures/templates.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

describe('template_list', () => {
  it('lists approved templates only, with a preview of their text', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/templates`)
      .query({ page: '1' })
      .reply(200, { templates: Object.values(templates), meta: { page: 1, pages: 1 } });
    await expect(fill(templateList)).resolves.toEqual([
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
});
