import '@testing-library/jest-dom';

// The app keeps the language it last used in localStorage: each test starts anew.
afterEach(() => window.localStorage.clear());
