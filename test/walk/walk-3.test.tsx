import { walkShard } from './walk-grid';

walkShard(2);
