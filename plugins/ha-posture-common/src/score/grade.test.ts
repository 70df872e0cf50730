import { Finding } from '../model/finding';
import { grade } from './grade';

const f = (severity: Finding['severity']): Finding => ({
  rule: 'x',
  category: 'replicas',
  severity,
  message: '',
  messageId: 'x',
  params: {},
  objects: [],
  evidence: '',
  remediation: '',
});

describe('grade', () => {
  it('follows the documented formula', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'A' });
    expect(grade([f('info')]).grade).toBe('A');
    expect(grade([f('warning')])).toEqual({ score: 90, grade: 'B' });
    expect(grade([f('warning'), f('warning')]).grade).toBe('C');
    expect(grade([f('critical')])).toEqual({ score: 65, grade: 'D' });
    expect(grade([f('critical'), f('critical')]).grade).toBe('F');
  });
});
