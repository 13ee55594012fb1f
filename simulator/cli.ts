import { DEMO_CREDENTIALS, DEMO_USERS } from './demoData';
import { PAGE_BEHAVIOUR, SERVER_BEHAVIOUR, startSimulator } from './server';

/** `npm run simulator [-- --port 4555 --page --latency 50]`: the simulator on its own, until Ctrl+C. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const behaviour = args.includes('--page') ? PAGE_BEHAVIOUR : SERVER_BEHAVIOUR;
  const sim = await startSimulator({
    port: Number(value('--port') ?? process.env.PLYR_SIMULATOR_PORT ?? 0),
    config: { ...behaviour, latencyMs: Number(value('--latency') ?? 0) },
  });
  console.log(`PLYR API simulator listening on ${sim.url} (${args.includes('--page') ? 'published-page' : 'real-server'} behaviour)`);
  console.log(`  settings:    "plyr.network": "custom", "plyr.customBaseUrl": "${sim.url}"`);
  console.log(`  API key:     ${DEMO_CREDENTIALS.apiKey}`);
  console.log(`  secret key:  ${DEMO_CREDENTIALS.secretKey}   (demo only)`);
  console.log(`  demo users:  ${DEMO_USERS.map((u) => u.plyrId).join(', ')}`);
  console.log(`  addresses:   ${DEMO_USERS[0].primaryAddress} (primary of ${DEMO_USERS[0].plyrId}), ...`);
  console.log(`  account:     ${DEMO_USERS[0].plyrId} has game chips (tavern, arena), allowances, an activity log and two secondary wallets`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
