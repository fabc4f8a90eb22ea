export { newCompany, TEST_PASSWORD, type TestCompany, type TestUser } from './company.ts';
export { closeTestDbs, type DbContext, dbKinds, describeDb, testDb, testDbUrl } from './db.ts';
export { Client, type Res, signedIn, testApp } from './http.ts';
