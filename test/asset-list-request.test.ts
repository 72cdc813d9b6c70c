import { describe, expect, it } from 'vitest';

import { InvalidRequestError, MAX_ITEMS_PER_PAGE, buildAssetListQuery } from '../src/index.js';

function rejection(request: unknown): InvalidRequestError {
  try {
    buildAssetListQuery(request as never);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error('expected the request to be rejected');
}

describe('buildAssetListQuery', () => {
  it('encodes every parameter in the API spelling', () => {
    const query = buildAssetListQuery({
      rid: 'A1',
      details: ['attached', 'attached_versions', 'attached'],
      search: 'tag=intro',
      type: 'video',
      tag: 'intro',
      referenceId: 'ref 1&2',
      page: 2,
      itemsPerPage: 100,
    });

    expect(query.toString()).toBe(
      'rid=A1&details=attached%2Cattached_versions&search=tag%3Dintro&type=video&tag=intro&reference_id=ref+1%262&page=2&items_per_page=100',
    );
  });

  it('does not send parameters that are undefined', () => {
    expect(buildAssetListQuery({ rid: 'A1', search: undefined }).toString()).toBe('rid=A1');
  });

  it('sends nothing for an empty request', () => {
    expect(buildAssetListQuery().toString()).toBe('');
  });

  it.each([
    [{ rid: '' }, '`rid`: must not be empty'],
    [{ rid: '  ' }, '`rid`: must not contain whitespace'],
    [{ page: 0 }, '`page`: must be 1 or more'],
    [{ page: 1.5 }, '`page`: must be a whole number'],
    [{ itemsPerPage: 2.5 }, '`itemsPerPage`: must be a whole number'],
    [
      { itemsPerPage: MAX_ITEMS_PER_PAGE + 1 },
      `\`itemsPerPage\`: must be at most ${MAX_ITEMS_PER_PAGE}`,
    ],
    [{ search: '  ' }, '`search`: must not be empty'],
  ])('rejects %j with a message naming the parameter', (request, message) => {
    const error = rejection(request);

    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(`Invalid request: ${message}`);
  });

  it('rejects unknown detail names and unknown parameters', () => {
    expect(rejection({ details: ['attachments'] }).issues[0]?.path).toEqual(['details', 0]);
    expect(rejection({ items_per_page: 5 }).message).toContain('items_per_page');
  });

  it('rejects something that is not a request at all', () => {
    expect(rejection('rid=A1').code).toBe('invalid_request');
    expect(rejection(null).code).toBe('invalid_request');
  });
});
