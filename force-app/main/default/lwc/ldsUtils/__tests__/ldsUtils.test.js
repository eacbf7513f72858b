import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils reduceErrors', () => {
  it('reads Apex AuraHandledException bodies', () => {
    expect(reduceErrors({ body: { message: 'Close date is required' } })).toEqual(['Close date is required']);
  });

  it('reads page and field errors from a DML failure, without duplicates', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Value must not be negative' }],
        fieldErrors: {
          Contact_Email__c: [{ message: 'Enter a valid email' }, { message: 'Enter a valid email' }]
        }
      }
    };
    expect(reduceErrors(error)).toEqual(['Value must not be negative', 'Enter a valid email']);
  });

  it('reads UI API output errors and arrays of bodies', () => {
    expect(reduceErrors({ body: { output: { errors: [{ message: 'Locked' }] } } })).toEqual(['Locked']);
    expect(reduceErrors({ body: [{ message: 'a' }, { message: 'b' }] })).toEqual(['a', 'b']);
  });

  it('falls back to JavaScript error messages and plain strings', () => {
    expect(reduceErrors([new Error('network down'), 'plain', null, undefined])).toEqual([
      'network down',
      'plain'
    ]);
  });

  it('returns nothing for an error with no readable text', () => {
    expect(reduceErrors({})).toEqual([]);
  });
});
