import nock from 'nock';

/** Where core's stashFile uploads in these tests (the presigned POST Zapier's RPC hands it). */
const STORAGE = 'https://zapier-files.example';
const STORED_KEY = 'cli-platform/0b9c1e2f';
const RPC = 'https://rpc.zapier.com';

/** What core's stashFile uploaded: the multipart form S3 receives, as text. */
export interface Upload {
  form: string;
  /** The link core hands back for the stored copy. */
  url: string;
}

/**
 * Core's own z.stashFile, run for real: Zapier's RPC gives the presigned upload (as it does on
 * Zapier, needing a deploy key, here a fake one) and the form goes to a stand-in for S3.
 */
export function coreStash(): Upload {
  process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
  const upload: Upload = { form: '', url: `${STORAGE}/${STORED_KEY}` };
  nock(RPC)
    .post('/cli')
    .reply(200, (_uri, body: unknown) => ({
      id: (JSON.parse(String(body)) as { id: string }).id,
      result: { url: `${STORAGE}/`, fields: { key: STORED_KEY } },
    }));
  nock(STORAGE)
    .post('/')
    .reply(204, (_uri, body) => {
      const text = String(body);
      // nock hands a binary body over hex-encoded.
      upload.form = /^(?:[0-9a-f]{2})+$/.test(text)
        ? Buffer.from(text, 'hex').toString('latin1')
        : text;
      return '';
    });
  return upload;
}

export function endCoreStash(): void {
  delete process.env.ZAPIER_DEPLOY_KEY;
}

/** The file name and type core gave the stored copy (S3 serves them back as headers). */
export function storedAs(form: string) {
  return {
    name: /name="Content-Disposition"\r\n\r\n([^\r]*)/.exec(form)?.[1],
    type: /name="Content-Type"\r\n\r\n([^\r]*)/.exec(form)?.[1],
  };
}
