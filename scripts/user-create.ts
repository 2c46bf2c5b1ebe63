// npm run user:create -- --email 张三@example.com --name 张三 --role admin
// The password is read from CASEBOOK_PASSWORD, or asked for (not echoed) when run in a terminal.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { ROLE_LABELS } from '@/lib/content/model';
import { createUserFromCommandLine } from '@/lib/services/users';
import { runCli, withAppDatabase } from './cli';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    // Echo the prompt once, then nothing of what is typed.
    output._writeToOutput = (s: string) => {
      if (!prompted) process.stdout.write(s);
      prompted = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (process.env.CASEBOOK_PASSWORD) return process.env.CASEBOOK_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('请在终端中运行以输入密码，或用环境变量 CASEBOOK_PASSWORD 提供密码。');
  const first = await askHidden('密码（至少10个字符）：');
  const second = await askHidden('再次输入密码：');
  if (first !== second) throw new Error('两次输入的密码不一致。');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'editor' } } });
  if (!values.email || !values.name) {
    console.error('用法：npm run user:create -- --email 邮箱 --name 姓名 --role admin|editor|reviewer');
    return 2;
  }
  const password = await readPassword();
  return withAppDatabase(async (db) => {
    const result = await createUserFromCommandLine(db, { email: values.email, name: values.name, role: values.role, password });
    if (!result.ok) {
      const fields = Object.values(result.fieldErrors ?? {}).flat();
      console.error([result.message, ...fields].join('\n  '));
      return 1;
    }
    console.log(`已创建账号：${result.user.name} <${result.user.email}>，角色：${ROLE_LABELS[result.user.role]}。`);
    return 0;
  });
}

runCli(main);
