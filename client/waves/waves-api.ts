import { request } from '../app/api';
import type { Interview, NewWave, WaveDetail, WaveForm, WaveListItem } from './waves-types';

export const fetchWaves = () => request<{ waves: WaveListItem[] }>('GET', '/api/waves');
export const fetchWave = (id: number) => request<WaveDetail>('GET', `/api/waves/${id}`);
export const fetchWaveForm = (id: number) => request<WaveForm>('GET', `/api/waves/${id}/form`);
export const createWave = (wave: NewWave) => request<{ id: number }>('POST', '/api/waves', wave);
export const postInterview = (waveId: number, interview: Interview) =>
  request<{ id: number }>('POST', `/api/waves/${waveId}/responses`, interview);
