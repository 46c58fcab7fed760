import { walkShard } from './walk-grid';

walkShard(0);
