// node-nlp ships no type declarations; this covers the one class the intent classifier uses.
declare module 'node-nlp' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export interface NeuralTrainingStatus {
    iterations: number;
    error: number;
    deltaError: number;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): NeuralTrainingStatus;
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
  export const NlpUtil: {
    getStemmer(locale: string): { stem(tokens: string[]): string[] };
    getTokenizer(locale: string): { tokenize(text: string, normalize?: boolean): string[] };
  };
}
