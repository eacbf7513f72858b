// The Metadata API type schema the structure rule checks against: jsforce's WSDL-derived schema
// (jsforce/lib/api/metadata/schema.js) plus the types and properties its older WSDL lacks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('jsforce/lib/api/metadata/schema.js');
if (!ApiSchemas || !ApiSchemas.CustomField || !ApiSchemas.CustomObject) {
  throw new Error('jsforce metadata schema not found or changed shape (jsforce/lib/api/metadata/schema.js)');
}

export const API_VERSION = '62.0';

// Each addition is from the Metadata API Developer Guide, v62.0: ExternalCredential and the new
// NamedCredential format (API 56+), PlatformEventSubscriberConfig (API 51+),
// PermissionSet.externalCredentialPrincipalAccesses (API 58+), SharingCriteriaRule.includeRecordsOwnedByAll
// (API 56+), CustomPermission.isLicensed, FlexiPageRegion.itemInstances (API 47+). `targetConfigs` of a
// Lightning component bundle is free-form XML in the schema, so it is checked as "any".
const EXTRA_TYPES = {
  ExternalCredential: {
    type: 'ExternalCredential',
    props: {
      authenticationProtocol: 'string',
      description: '?string',
      externalCredentialParameters: ['ExternalCredentialParameter'],
      label: 'string'
    },
    extends: 'Metadata'
  },
  ExternalCredentialParameter: {
    type: 'ExternalCredentialParameter',
    props: {
      authProvider: '?string',
      certificate: '?string',
      description: '?string',
      externalAuthIdentityProvider: '?string',
      parameterGroup: '?string',
      parameterName: 'string',
      parameterType: 'string',
      parameterValue: '?string',
      sequenceNumber: '?number'
    }
  },
  NamedCredentialParameter: {
    type: 'NamedCredentialParameter',
    props: {
      certificate: '?string',
      description: '?string',
      externalCredential: '?string',
      globalNamedPrincipalCredential: '?string',
      managedFeatureEnabledCallout: '?string',
      outboundNetworkConnection: '?string',
      parameterName: '?string',
      parameterType: 'string',
      parameterValue: '?string',
      readOnlyNamedCredential: '?string',
      sequenceNumber: '?number',
      systemUserNamedCredential: '?string'
    }
  },
  PlatformEventSubscriberConfig: {
    type: 'PlatformEventSubscriberConfig',
    props: {
      batchSize: '?number',
      isProtected: '?boolean',
      masterLabel: 'string',
      numPartitions: '?number',
      partitionKey: '?string',
      platformEventConsumer: 'string',
      user: '?string'
    },
    extends: 'Metadata'
  },
  // FlexiPage regions hold itemInstances since API 47 (jsforce still has componentInstances only).
  ItemInstance: {
    type: 'ItemInstance',
    props: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' }
  },
  FieldInstance: {
    type: 'FieldInstance',
    props: {
      fieldInstanceProperties: ['FieldInstanceProperty'],
      fieldItem: 'string',
      identifier: '?string',
      visibilityRule: '?UiFormulaRule'
    }
  },
  FieldInstanceProperty: { type: 'FieldInstanceProperty', props: { name: '?string', value: '?string' } },
  PermissionSetExternalCredentialPrincipalAccess: {
    type: 'PermissionSetExternalCredentialPrincipalAccess',
    props: { enabled: 'boolean', externalCredentialPrincipal: 'string' }
  }
};
const EXTRA_PROPS = {
  NamedCredential: {
    calloutStatus: '?string',
    description: '?string',
    namedCredentialParameters: ['NamedCredentialParameter'],
    namedCredentialType: '?string',
    // Legacy-format fields, optional in the current format.
    principalType: '?string',
    protocol: '?string'
  },
  PermissionSet: { externalCredentialPrincipalAccesses: ['PermissionSetExternalCredentialPrincipalAccess'] },
  SharingCriteriaRule: { includeRecordsOwnedByAll: '?boolean' },
  CustomPermission: { isLicensed: '?boolean' },
  FlexiPageRegion: { itemInstances: ['ItemInstance'] },
  ComponentInstance: { identifier: '?string' },
  LightningComponentBundle: { targetConfigs: '?any' }
};

/** Property name → spec ('string', '?number', ['ElementType']) of a Metadata API type, inherited ones included. */
export function schemaFor(type) {
  const base = ApiSchemas[type] ?? EXTRA_TYPES[type];
  if (!base) return undefined;
  const props = {};
  const chain = [];
  for (let t = base; t; t = t.extends ? (ApiSchemas[t.extends] ?? EXTRA_TYPES[t.extends]) : undefined) {
    chain.unshift(t);
  }
  for (const t of chain) Object.assign(props, t.props, EXTRA_PROPS[t.type]);
  return props;
}

export const PRIMITIVES = new Set(['string', 'boolean', 'number', 'any']);

export function parseProp(spec) {
  if (Array.isArray(spec)) return { type: spec[0], array: true, optional: true };
  const optional = spec.startsWith('?');
  return { type: optional ? spec.slice(1) : spec, array: false, optional };
}

// Properties the WSDL marks required that source-format files legitimately omit (the platform
// defaults them, or the value comes from the file name).
export const NOT_REQUIRED_IN_SOURCE = {
  CustomValue: ['default'],
  PermissionSetFieldPermissions: ['readable'],
  ValueSetValuesDefinition: ['sorted']
};
