import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Tests share two cores with the rest of the project's suites: give renders room.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

// The app keeps the language it last used in localStorage: each test starts anew.
afterEach(() => window.localStorage.clear());
