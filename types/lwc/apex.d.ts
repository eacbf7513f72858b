// One declaration per @salesforce/apex import used by a component: parameters and result types.
// Shapes mirror the Apex DTOs (docs/contract.md); keep both in step.
