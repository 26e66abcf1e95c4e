import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the message_created trigger outputs for the delivery Callbell documents. */
export const messageCreatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-3b3914aa45920f94',
  event: 'message_created',
  created_at: '2022-10-18T12:06:29.000+02:00',
  text: 'Hello',
  status: 'received',
  channel: 'whatsapp',
  from: '335544332211',
  to: '331122334455',
  attachments: [],
  metadata: {},
  contact: sampleContact,
  createdAt: '2022-10-18T12:06:29.000+02:00',
  messageLocation: {
    coordinates: {
      x: -23.605403621614,
      y: -46.637346962613,
    },
    googleMapsLocation:
      'https://maps.googleapis.com/maps/api/staticmap?zoom=15&size=270x200&scale=2&maptype=roadmap&markers=color:red%7C-24.605403621614,-47.637346962613&key=EXAMPLE_KEY&signature=EXAMPLE',
  },
  messageContactCard: {
    contactsInfo: [
      {
        name: 'Peter Parker',
        phones: [
          {
            phone: '3331122336699',
            wa_id: '',
            type: 'MOBILE',
          },
        ],
      },
    ],
  },
  messageReplyButton: {
    metadata: {
      type: 'quick_reply',
      content: {
        url: 'https://url.com/uploads/conversation_attachment/url/12389/file.png',
        text: 'hello text',
        header: 'header',
        caption: 'caption',
        filename: 'file.png',
        contentType: 'image',
      },
      options: [
        {
          type: 'text',
          title: 'Yes',
          postback_url: '',
          postback_text: '',
        },
        {
          type: 'text',
          title: 'No',
          postback_url: '',
          postback_text: '',
        },
        {
          type: 'text',
          title: 'Maybe',
          postback_url: '',
          postback_text: '',
        },
      ],
    },
  },
  messageInteractiveList: {
    metadata:
      '{"header":"Welcome to our restaurant","body":"Have a look at our menu","buttons":[{"title":"click here"}],"sections":[{"title":"Breakfast","subtitle":null,"items":[{"header":"Yogurt","description":null},{"header":"Pancakes","description":null}]}]}',
  },
  messageForward: null,
  messageContext: null,
};
