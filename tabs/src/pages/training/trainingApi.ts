import {
  dayProgressSchema,
  recordingPreviewSchema,
  recordingSchema,
  trainingAuditSchema,
  trainingDayChangeSchema,
  trainingDaySchema,
  trainingProgrammeSchema,
  trainingProgressMatrixSchema,
  type ProgressInput,
  type RecordingInput,
  type TrainingDay,
  type TrainingDayInput,
} from '@planboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';

/** React Query keys of the Training page. */
export const trainingKeys = {
  all: ['training'] as const,
  programme: ['training', 'programme'] as const,
  day: (day: number) => ['training', 'day', day] as const,
  matrix: ['training', 'matrix'] as const,
  audit: ['training', 'audit'] as const,
};

/**
 * How often the open page asks for the programme: a day an admin unlocks appears for learners
 * within this time without a reload (the list is small; the answer is a few kilobytes).
 */
export const programmePollMs = 4_000;

export function useProgramme() {
  return useQuery({
    queryKey: trainingKeys.programme,
    queryFn: ({ signal }) => api.get('/training/days', { signal, parse: (data) => trainingProgrammeSchema.parse(data) }),
    refetchInterval: programmePollMs,
  });
}

/** A day and the ETag an admin's edit is made against. */
export interface DayWithTag extends TrainingDay {
  etag?: string;
}

async function fetchDay(day: number, signal?: AbortSignal): Promise<DayWithTag> {
  let etag: string | undefined;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    etag = response.headers.get('etag') ?? undefined;
    return response;
  }) as typeof fetch;
  const body = await api.get(`/training/days/${day}`, { signal, fetchImpl, parse: (data) => trainingDaySchema.parse(data) });
  return { ...body, etag };
}

export function useTrainingDay(day: number | undefined) {
  return useQuery({
    queryKey: trainingKeys.day(day ?? 0),
    queryFn: ({ signal }) => fetchDay(day ?? 0, signal),
    enabled: day !== undefined,
  });
}

export function useProgressMatrix(enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.matrix,
    queryFn: ({ signal }) => api.get('/training/progress', { signal, parse: (data) => trainingProgressMatrixSchema.parse(data) }),
    enabled,
    refetchInterval: enabled ? 10_000 : false,
  });
}

export function useTrainingAudit(enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.audit,
    queryFn: ({ signal }) => api.get('/training/audit?limit=200', { signal, parse: (data) => trainingAuditSchema.parse(data).entries }),
    enabled,
  });
}

/** Checks a recording link on the server (the same rules as saving it). */
export const previewRecording = (url: string) =>
  api.post('/training/recordings/preview', { url }, { parse: (data) => recordingPreviewSchema.parse(data) });

/** `/api/training/progress/export.xlsx` as a file download (the token travels in the header, not the URL). */
export async function downloadProgress(): Promise<Blob> {
  let blob: Blob | undefined;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.ok) blob = await response.clone().blob();
    return response;
  }) as typeof fetch;
  await apiRequest('GET', '/training/progress/export.xlsx', { fetchImpl, parse: () => undefined });
  if (!blob) throw new Error('The export is empty.');
  return blob;
}

/** The page's writes; each refetches what it changed (the programme, the day, the admin views). */
export function useTrainingMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
  const progress = useMutation({
    mutationFn: ({ day, input }: { day: number; input: ProgressInput }) =>
      api.put(`/training/days/${day}/progress`, input, { parse: (data) => dayProgressSchema.parse(data) }),
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: ({ day, unlock }: { day: number; unlock: boolean }) =>
      api.post(`/training/days/${day}/${unlock ? 'unlock' : 'lock'}`, undefined, { parse: (data) => trainingDayChangeSchema.parse(data) }),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: ({ day, input, etag }: { day: number; input: TrainingDayInput; etag?: string }) =>
      api.put(`/training/days/${day}`, input, {
        parse: (data) => trainingDaySchema.parse(data),
        headers: etag ? { 'if-match': etag } : undefined,
      }),
    onSuccess: refresh,
  });
  const addRecording = useMutation({
    mutationFn: ({ day, input }: { day: number; input: Omit<RecordingInput, 'active'> & { active?: boolean } }) =>
      api.post(`/training/days/${day}/recordings`, input, { parse: (data) => recordingSchema.parse(data) }),
    onSuccess: refresh,
  });
  const removeRecording = useMutation({
    mutationFn: ({ day, recordingId }: { day: number; recordingId: string }) =>
      api.delete(`/training/days/${day}/recordings/${recordingId}`),
    onSuccess: refresh,
  });
  return { progress, toggle, edit, addRecording, removeRecording };
}

export type TrainingMutations = ReturnType<typeof useTrainingMutations>;
