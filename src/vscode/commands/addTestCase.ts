// Kora: Add Tested Message as a Test Case — after Kora: Test Message (the result document's title bar).
import * as vscode from 'vscode';
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { addTestCase as addCase, testedMessageOf } from '../testing/addTestCase';

export const addTestCase: PhrasebookCommandFactory =
  ({ tested }) =>
  async () => {
    const message = testedMessageOf(tested.last);
    if (typeof message === 'string') {
      void vscode.window.showInformationMessage(message);
      return undefined;
    }
    return (await addCase(message)).uri.toString();
  };
